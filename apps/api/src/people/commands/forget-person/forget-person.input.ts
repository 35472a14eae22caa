import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
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
  @IsText({ max: 2_000, multiline: true })
  reason!: string;
}
