import { Field, ID, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput, CommandInput } from '../graphql/command-input';
import { IsText } from '../graphql/text';
import { IsEntityId } from '../graphql/id';
import { IsDecimalString } from './decimal-input';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { IsMeasuredDay } from '../graphql/input-bounds';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { IndicatorDirection } from './indicator.model';

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

@InputType()
export class DatedValueInput {
  @Field({ description: 'Decimal as a string, e.g. "-3.5" or "72.25".' })
  @IsDecimalString()
  value!: string;

  @Field(() => LocalDateScalar)
  @IsMeasuredDay()
  date!: string;
}

@InputType()
export class DataStewardInput {
  @Field(() => ID)
  @IsEntityId()
  personId!: string;

  @Field(() => ID, { description: 'A member partner of the initiative.' })
  @IsEntityId()
  partnerId!: string;
}

@InputType()
export class DefineIndicatorInput extends CommandInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  @IsOptional()
  @IsEntityId()
  indicatorId?: string;

  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field()
  @IsText({ max: 500 })
  name!: string;

  @Field({ description: 'What a value counts, e.g. "percent of third graders".' })
  @IsText({ max: 200 })
  unit!: string;

  @Field(() => IndicatorDirection)
  @IsIn(Object.values(IndicatorDirection))
  direction!: IndicatorDirection;

  @Field(() => DatedValueInput)
  @ValidateNested()
  @Type(() => DatedValueInput)
  baseline!: DatedValueInput;

  @Field(() => DatedValueInput, {
    description: 'After the baseline date, and better than the baseline in the direction given.',
  })
  @ValidateNested()
  @Type(() => DatedValueInput)
  target!: DatedValueInput;

  @Field(() => DataStewardInput)
  @ValidateNested()
  @Type(() => DataStewardInput)
  dataSteward!: DataStewardInput;
}

@InputType()
export class RecordMeasurementInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  indicatorId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  @IsOptional()
  @IsEntityId()
  measurementId?: string;

  @Field({ description: 'Decimal as a string, e.g. "-3.5" or "72.25".' })
  @IsDecimalString()
  value!: string;

  @Field(() => LocalDateScalar)
  @IsMeasuredDay()
  periodStart!: string;

  @Field(() => LocalDateScalar, { description: 'On or after periodStart.' })
  @IsMeasuredDay()
  periodEnd!: string;

  @Field(() => ID, { description: 'The member partner the data comes from.' })
  @IsEntityId()
  sourcePartnerId!: string;

  @Field({ description: 'How the value was measured.' })
  @IsText({ max: 2_000, multiline: true })
  method!: string;
}
