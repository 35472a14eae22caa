import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class CloseRiskInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  riskId!: string;

  @Field({ description: 'Why the risk is closed.' })
  @IsNotEmpty()
  @MaxLength(5_000)
  reason!: string;
}
