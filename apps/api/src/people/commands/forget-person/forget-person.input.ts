import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, Matches, MaxLength } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class ForgetPersonInput extends ExistingEntityCommandInput {
  @Field(() => ID, { description: 'The person to forget: yourself, or someone else as staff.' })
  @IsEntityId()
  personId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The initiative whose backbone staff you are, to forget someone else.',
  })
  @IsOptional()
  @IsEntityId()
  initiativeId?: string;

  @Field({
    description:
      'Why, kept in the ledger in plaintext (e.g. "asked to be forgotten"): do not put personal data in it.',
  })
  @IsNotEmpty({ message: 'reason must not be empty' })
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(2_000, { message: 'reason must be at most 2000 characters' })
  reason!: string;
}
