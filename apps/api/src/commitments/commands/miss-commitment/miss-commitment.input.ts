import { Field, ID, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class MissCommitmentInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  commitmentId!: string;

  @Field({ description: 'What happened: partners are owed an account of the miss.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}
