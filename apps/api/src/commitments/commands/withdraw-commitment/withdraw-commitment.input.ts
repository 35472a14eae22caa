import { Field, ID, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class WithdrawCommitmentInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  commitmentId!: string;

  @Field({ description: 'Why the partner withdraws: partners are owed an explanation.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}
