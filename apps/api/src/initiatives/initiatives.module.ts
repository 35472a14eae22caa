import { Module } from '@nestjs/common';
import { CommandTable } from '../ledger/ledger-command';
import { INITIATIVE_COMMANDS } from './initiatives.commands';
import { InitiativesMutations } from './initiatives.mutations';
import { LauncherSeat } from './launcher-seat';
import { InitiativeQueries } from './queries/initiative.queries';
import { InitiativeResolver } from './queries/initiative.resolver';

@Module({
  providers: [InitiativesMutations, InitiativeQueries, InitiativeResolver, LauncherSeat],
  exports: [InitiativeQueries, LauncherSeat],
})
export class InitiativesModule {
  constructor(table: CommandTable) {
    table.add(INITIATIVE_COMMANDS);
  }
}
