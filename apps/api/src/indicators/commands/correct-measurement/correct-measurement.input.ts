import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';
import { IsDecimalString } from '../../decimal-input';

@InputType()
export class CorrectMeasurementInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  indicatorId!: string;

  @Field(() => ID, { description: 'The measurement this corrects; its original value stays.' })
  @IsEntityId()
  measurementId!: string;

  @Field({ description: 'The corrected value, a decimal string.' })
  @IsDecimalString()
  value!: string;

  @Field({ description: 'Why the value was wrong.' })
  @IsNotEmpty()
  @MaxLength(5_000)
  reason!: string;
}
