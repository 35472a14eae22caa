import { Module } from '@nestjs/common';
import { CommandTable } from '../ledger/ledger-command';
import { MEETING_COMMANDS } from './meetings.commands';
import { MeetingsMutations } from './meetings.mutations';
import { DecisionsModule } from '../decisions/decisions.module';
import { MeetingQueries } from './queries/meeting.queries';
import {
  DecisionMeetingsResolver,
  InitiativeMeetingsResolver,
  MeetingResolver,
} from './queries/meeting.resolver';

@Module({
  imports: [DecisionsModule],
  providers: [
    MeetingsMutations,
    MeetingQueries,
    MeetingResolver,
    DecisionMeetingsResolver,
    InitiativeMeetingsResolver,
  ],
})
export class MeetingsModule {
  constructor(table: CommandTable) {
    table.add(MEETING_COMMANDS);
  }
}
