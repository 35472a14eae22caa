import { Field, ID, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class MaterialiseRiskInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  riskId!: string;

  @Field({ description: 'What happened.' })
  @IsText({ max: 5_000, multiline: true })
  description!: string;
}
