import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

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
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @Field({ description: 'When the meeting took place, ISO 8601.' })
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'heldAt must be an ISO 8601 date-time' },
  )
  heldAt!: string;

  @Field(() => [AttendeeInput], { description: 'At least one; each person once.' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AttendeeInput)
  attendees!: AttendeeInput[];

  @Field(() => [String])
  @ArrayMaxSize(100)
  @IsNotEmpty({ each: true })
  @MaxLength(1_000, { each: true })
  agenda!: string[];

  @Field({ description: 'The minutes, in full.' })
  @IsString()
  @MaxLength(100_000)
  minutes!: string;
}
