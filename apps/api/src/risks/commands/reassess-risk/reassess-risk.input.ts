import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsScore } from '../../../graphql/input-bounds';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class ReassessRiskInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  riskId!: string;

  @Field(() => Int, { description: 'Whole number from 1 (rare) to 5 (almost certain).' })
  @IsScore()
  likelihood!: number;

  @Field(() => Int, { description: 'Whole number from 1 (minor) to 5 (severe).' })
  @IsScore()
  impact!: number;

  @Field({ description: 'Why the assessment changed.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}
