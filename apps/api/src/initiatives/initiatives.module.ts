import { Module } from '@nestjs/common';
import { AmendAgendaHandler } from './commands/amend-agenda/amend-agenda.handler';
import { AmendAgendaResolver } from './commands/amend-agenda/amend-agenda.resolver';
import { JoinInitiativeHandler } from './commands/join-initiative/join-initiative.handler';
import { JoinInitiativeResolver } from './commands/join-initiative/join-initiative.resolver';
import { LaunchInitiativeHandler } from './commands/launch-initiative/launch-initiative.handler';
import { LaunchInitiativeResolver } from './commands/launch-initiative/launch-initiative.resolver';
import { LeaveInitiativeHandler } from './commands/leave-initiative/leave-initiative.handler';
import { LeaveInitiativeResolver } from './commands/leave-initiative/leave-initiative.resolver';
import { LauncherSeat } from './launcher-seat';
import { InitiativeQueries } from './queries/initiative.queries';
import { InitiativeResolver } from './queries/initiative.resolver';

@Module({
  providers: [
    InitiativeQueries,
    InitiativeResolver,
    LaunchInitiativeHandler,
    LaunchInitiativeResolver,
    AmendAgendaHandler,
    AmendAgendaResolver,
    JoinInitiativeHandler,
    JoinInitiativeResolver,
    LeaveInitiativeHandler,
    LeaveInitiativeResolver,
    LauncherSeat,
  ],
  exports: [InitiativeQueries, LauncherSeat],
})
export class InitiativesModule {}
