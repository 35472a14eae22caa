import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class MaterialiseRiskInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  riskId!: string;

  @Field({ description: 'What happened.' })
  @IsNotEmpty()
  @MaxLength(5_000)
  description!: string;
}
