import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { CommandInput, ExistingEntityCommandInput } from '../graphql/command-input';
import { IsBusinessTime } from '../graphql/input-bounds';
import { IsText } from '../graphql/text';
import { IsEntityId } from '../graphql/id';

@InputType()
export class AttendeeInput {
  @Field(() => ID)
  @IsEntityId()
  personId!: string;

  @Field(() => ID, {
    description: 'The partner the attendee acts for; a member of the initiative.',
  })
  @IsEntityId()
  partnerId!: string;
}

@InputType()
export class HoldMeetingInput extends CommandInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  @IsOptional()
  @IsEntityId()
  meetingId?: string;

  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field()
  @IsText({ max: 200 })
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

  @Field({ description: 'The minutes, in full.' })
  @IsText({ max: 100_000, multiline: true })
  minutes!: string;
}

@InputType()
export class LinkDecisionToMeetingInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  meetingId!: string;

  @Field(() => ID, { description: 'A decision of the same initiative, taken at the meeting.' })
  @IsEntityId()
  decisionId!: string;
}
