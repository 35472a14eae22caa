import { IdField, TextField } from '../graphql/fields';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ValidateNested } from 'class-validator';
import { CommandInput, ExistingEntityCommandInput } from '../graphql/command-input';
import { IsBusinessTime } from '../graphql/input-bounds';
import { IsText } from '../graphql/text';

@InputType()
export class AttendeeInput {
  @IdField()
  personId!: string;

  @IdField({
    description: 'The partner the attendee acts for; a member of the initiative.',
  })
  partnerId!: string;
}

@InputType()
export class HoldMeetingInput extends CommandInput {
  @IdField({
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  meetingId?: string;

  @IdField()
  initiativeId!: string;

  @TextField({ max: 200 })
  title!: string;

  @Field({ description: 'When the meeting took place, ISO 8601.' })
  @IsBusinessTime()
  heldAt!: string;

  @Field(() => [AttendeeInput], { description: 'At least one; each person once.' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AttendeeInput)
  attendees!: AttendeeInput[];

  @Field(() => [String])
  @ArrayMaxSize(100)
  @IsText({ max: 1_000, each: true })
  agenda!: string[];

  @TextField({ max: 100_000, multiline: true }, { description: 'The minutes, in full.' })
  minutes!: string;
}

@InputType()
export class LinkDecisionToMeetingInput extends ExistingEntityCommandInput {
  @IdField()
  meetingId!: string;

  @IdField({ description: 'A decision of the same initiative, taken at the meeting.' })
  decisionId!: string;
}
