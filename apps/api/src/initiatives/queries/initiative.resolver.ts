import { InitiativeOverviewReader } from '@accord/projections';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AccordContext } from '../../graphql/accord-context';
import { Visibility } from '../../visibility/visibility';
import { PageArgs, toPageRequest } from '../../graphql/pagination';
import { GovernanceRules } from '../governance-rules.model';
import { Initiative, InitiativeConnection, Partner, PartnerStatus } from '../initiative.model';
import { InitiativeQueries } from './initiative.queries';

@Resolver(() => Initiative)
export class InitiativeResolver {
  constructor(
    private readonly queries: InitiativeQueries,
    private readonly reader: InitiativeOverviewReader,
    private readonly visibility: Visibility,
  ) {}

  @Query(() => Initiative, {
    description: 'One initiative; NOT_FOUND if there is none with this id.',
  })
  initiative(@Args('id', { type: () => ID }) id: string): Promise<Initiative> {
    return this.queries.byId(id);
  }

  @Query(() => InitiativeConnection, {
    description: 'The initiatives you are a member or observer of, in launch order.',
  })
  async initiatives(
    @Args() page: PageArgs,
    @Context() context: AccordContext,
  ): Promise<InitiativeConnection> {
    const visible = await this.visibility.viewerOf(context).visibleInitiatives();
    return this.reader.list(toPageRequest(page), visible);
  }

  @ResolveField(() => [Partner], { description: 'Partners in joining order; filter by status.' })
  async partners(
    @Parent() initiative: Initiative,
    @Args('status', { type: () => PartnerStatus, nullable: true }) status?: PartnerStatus,
  ): Promise<Partner[]> {
    const partners = await this.reader.partners(initiative.initiativeId);
    return partners.filter(
      (p) => status === undefined || status === null || p.status === (status as string),
    );
  }

  @ResolveField(() => GovernanceRules, { description: 'The governance rules in force.' })
  async governanceRules(@Parent() initiative: Initiative): Promise<GovernanceRules> {
    const history = await this.reader.governanceRulesHistory(initiative.initiativeId);
    return history[history.length - 1]!;
  }

  @ResolveField(() => [GovernanceRules], {
    description: 'Every set of governance rules the initiative has had, oldest first.',
  })
  governanceRulesHistory(@Parent() initiative: Initiative): Promise<GovernanceRules[]> {
    return this.reader.governanceRulesHistory(initiative.initiativeId);
  }
}
