import { Field, ID, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class CloseRiskInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  riskId!: string;

  @Field({ description: 'Why the risk is closed.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}
