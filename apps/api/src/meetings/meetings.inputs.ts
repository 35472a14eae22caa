import { InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ValidateNested } from 'class-validator';
import { chosenId, commandInput, entityCommandInput } from '../graphql/command-input';
import { IsBusinessTime } from '../graphql/input-bounds';
import { entityId, field, inputOf, line, prose } from '../graphql/input-type';
import { IsText } from '../graphql/text';

@InputType()
export class AttendeeInput extends inputOf({
  personId: entityId(),
  partnerId: entityId('The partner the attendee acts for; a member of the initiative.'),
}) {}

@InputType()
export class HoldMeetingInput extends commandInput({
  meetingId: chosenId('meeting'),
  initiativeId: entityId(),
  title: line(200),
  heldAt: field<string>(() => String, 'When the meeting took place, ISO 8601.', IsBusinessTime()),
  attendees: field<AttendeeInput[]>(
    () => [AttendeeInput],
    'At least one; each person once.',
    ArrayMaxSize(500),
    ValidateNested({ each: true }),
    Type(() => AttendeeInput),
  ),
  agenda: field<string[]>(
    () => [String],
    undefined,
    ArrayMaxSize(100),
    IsText({ max: 1_000, each: true }),
  ),
  minutes: prose(100_000, 'The minutes, in full.'),
}) {}

@InputType()
export class LinkDecisionToMeetingInput extends entityCommandInput({
  meetingId: entityId(),
  decisionId: entityId('A decision of the same initiative, taken at the meeting.'),
}) {}
