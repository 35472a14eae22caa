import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, MaxLength } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class ReassessRiskInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  riskId!: string;

  @Field(() => Int, { description: 'Whole number from 1 (rare) to 5 (almost certain).' })
  @IsInt()
  likelihood!: number;

  @Field(() => Int, { description: 'Whole number from 1 (minor) to 5 (severe).' })
  @IsInt()
  impact!: number;

  @Field({ description: 'Why the assessment changed.' })
  @IsNotEmpty()
  @MaxLength(5_000)
  reason!: string;
}
