import { type Role } from '@accord/domain';
import { RosterReader } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { ArgsType } from '@nestjs/graphql';
import { anyId, field, inputOf, optional } from '../../graphql/input-type';
import { LocalDateScalar } from '../../graphql/local-date.scalar';
import { byId, fieldResolvers, queriesOf, readerQueries } from '../../graphql/resolver-table';
import { Initiative, Partner } from '../../initiatives/initiative.model';
import { ReadingTime } from '../../ledger/reading-time';
import { RoleAssignment, RoleEnum } from '../role-assignment.model';

@Injectable()
export class RosterQueries extends readerQueries(RosterReader, 'role assignment') {
  constructor(
    reader: RosterReader,
    private readonly readingTime: ReadingTime,
  ) {
    super(reader);
  }

  /** Who held which role on `on` (today when omitted), of one partner if named. */
  inOffice(initiativeId: string, on?: string | null, partnerId?: string) {
    return this.reader.inOffice(initiativeId, on ?? this.readingTime.today(), partnerId);
  }
}

const ON = {
  on: optional(
    field<string>(() => LocalDateScalar, 'The calendar day (YYYY-MM-DD); today when omitted.'),
  ),
};
@ArgsType()
class OnArgs extends inputOf(ON, true) {}
@ArgsType()
class RosterArgs extends inputOf({ initiativeId: anyId(), ...ON }, true) {}
@ArgsType()
class InitiativeIdArgs extends inputOf({ initiativeId: anyId() }, true) {}
@ArgsType()
class SeatsArgs extends inputOf(
  {
    ...ON,
    roles: optional(
      field<Role[]>(
        () => [RoleEnum],
        'Only these roles (the overview asks for the chair and steering members).',
      ),
    ),
  },
  true,
) {}

export const RosterResolver = queriesOf([RosterQueries], {
  roster: {
    type: () => [RoleAssignment],
    description: 'The roster: who held which role in the initiative on a given day.',
    args: RosterArgs,
    resolve: ({ initiativeId, on }, _, queries) => queries.inOffice(initiativeId, on),
  },
  roleAssignments: {
    type: () => [RoleAssignment],
    description: 'Every role assignment ever made in the initiative, ended ones included.',
    args: InitiativeIdArgs,
    resolve: ({ initiativeId }, _, { reader }) => reader.history(initiativeId),
  },
  roleAssignment: byId(RoleAssignment, 'One role assignment; NOT_FOUND if none.'),
});

export const InitiativeRosterResolver = fieldResolvers(Initiative, [RosterQueries], {
  roster: {
    type: () => [RoleAssignment],
    description: 'Who holds which role on a given day.',
    args: SeatsArgs,
    resolve: async ({ initiativeId }, { on, roles }, queries) => {
      const seats = await queries.inOffice(initiativeId, on);
      return roles ? seats.filter((seat) => roles.includes(seat.role)) : seats;
    },
  },
});

export const PartnerRolesResolver = fieldResolvers(Partner, [RosterQueries], {
  roles: {
    type: () => [RoleAssignment],
    description: "The roles this partner's people hold on a given day.",
    args: OnArgs,
    resolve: ({ initiativeId, partnerId }, { on }, queries) =>
      queries.inOffice(initiativeId, on, partnerId),
  },
});
