import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LocalDateScalar } from '../../graphql/local-date.scalar';
import { Initiative, Partner } from '../../initiatives/initiative.model';
import { ReadingTime } from '../../ledger/reading-time';
import type { Role } from '@accord/domain';
import { RoleAssignment, RoleEnum } from '../role-assignment.model';
import { RosterQueries } from './roster.queries';

const ON = {
  type: () => LocalDateScalar,
  nullable: true,
  description: 'The calendar day (YYYY-MM-DD); today when omitted.',
} as const;

@Resolver(() => RoleAssignment)
export class RosterResolver {
  constructor(
    private readonly queries: RosterQueries,
    private readonly readingTime: ReadingTime,
  ) {}

  @Query(() => [RoleAssignment], {
    description: 'The roster: who held which role in the initiative on a given day.',
  })
  roster(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('on', ON) on?: string,
  ): Promise<RoleAssignment[]> {
    return this.queries.inOffice(initiativeId, on ?? this.today());
  }

  @Query(() => [RoleAssignment], {
    description: 'Every role assignment ever made in the initiative, ended ones included.',
  })
  roleAssignments(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
  ): Promise<RoleAssignment[]> {
    return this.queries.history(initiativeId);
  }

  @Query(() => RoleAssignment, { description: 'One role assignment; NOT_FOUND if none.' })
  roleAssignment(@Args('id', { type: () => ID }) id: string): Promise<RoleAssignment> {
    return this.queries.byId(id);
  }

  private today(): string {
    return this.readingTime.today();
  }
}

@Resolver(() => Initiative)
export class InitiativeRosterResolver {
  constructor(
    private readonly queries: RosterQueries,
    private readonly readingTime: ReadingTime,
  ) {}

  @ResolveField(() => [RoleAssignment], { description: 'Who holds which role on a given day.' })
  async roster(
    @Parent() initiative: Initiative,
    @Args('on', ON) on?: string,
    @Args('roles', {
      type: () => [RoleEnum],
      nullable: true,
      description: 'Only these roles (the overview asks for the chair and steering members).',
    })
    roles?: Role[] | null,
  ): Promise<RoleAssignment[]> {
    const seats = await this.queries.inOffice(
      initiative.initiativeId,
      on ?? this.readingTime.today(),
    );
    return roles ? seats.filter((seat) => roles.includes(seat.role)) : seats;
  }
}

@Resolver(() => Partner)
export class PartnerRolesResolver {
  constructor(
    private readonly queries: RosterQueries,
    private readonly readingTime: ReadingTime,
  ) {}

  @ResolveField(() => [RoleAssignment], {
    description: "The roles this partner's people hold on a given day.",
  })
  roles(@Parent() partner: Partner, @Args('on', ON) on?: string): Promise<RoleAssignment[]> {
    return this.queries.inOffice(
      partner.initiativeId,
      on ?? this.readingTime.today(),
      partner.partnerId,
    );
  }
}
