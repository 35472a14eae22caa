import { Field, ID, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
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
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}
