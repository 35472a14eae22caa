import { Module } from '@nestjs/common';
import { CommandTable } from '../ledger/ledger-command';
import { ROSTER_COMMANDS } from './roster.commands';
import { RosterMutations } from './roster.mutations';
import { RosterQueries } from './queries/roster.queries';
import {
  InitiativeRosterResolver,
  PartnerRolesResolver,
  RosterResolver,
} from './queries/roster.resolver';

@Module({
  providers: [
    RosterMutations,
    RosterQueries,
    RosterResolver,
    InitiativeRosterResolver,
    PartnerRolesResolver,
  ],
  exports: [RosterQueries],
})
export class RosterModule {
  constructor(table: CommandTable) {
    table.add(ROSTER_COMMANDS);
  }
}
