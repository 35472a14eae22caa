import { Module } from '@nestjs/common';
import { CommandTable } from '../ledger/ledger-command';
import { AREA_TABLES } from '../ledger/area-tables';
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
    table.add(AREA_TABLES.roster());
  }
}
