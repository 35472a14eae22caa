import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { HoldMeetingHandler } from './commands/hold-meeting/hold-meeting.handler';
import { HoldMeetingResolver } from './commands/hold-meeting/hold-meeting.resolver';
import { LinkDecisionToMeetingHandler } from './commands/link-decision-to-meeting/link-decision-to-meeting.handler';
import { LinkDecisionToMeetingResolver } from './commands/link-decision-to-meeting/link-decision-to-meeting.resolver';
import { MeetingQueries } from './queries/meeting.queries';
import {
  DecisionMeetingsResolver,
  InitiativeMeetingsResolver,
  MeetingResolver,
} from './queries/meeting.resolver';

@Module({
  imports: [DecisionsModule],
  providers: [
    MeetingQueries,
    MeetingResolver,
    DecisionMeetingsResolver,
    InitiativeMeetingsResolver,
    HoldMeetingHandler,
    HoldMeetingResolver,
    LinkDecisionToMeetingHandler,
    LinkDecisionToMeetingResolver,
  ],
})
export class MeetingsModule {}
