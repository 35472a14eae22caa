import { IdField, NestedField, TextField } from '../graphql/fields';
import { Field, InputType } from '@nestjs/graphql';
import { ExistingEntityCommandInput, CommandInput } from '../graphql/command-input';
import { IsDecimalString } from './decimal-input';
import { IsIn } from 'class-validator';
import { IsMeasuredDay } from '../graphql/input-bounds';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { IndicatorDirection } from './indicator.model';

@InputType()
export class CorrectMeasurementInput extends ExistingEntityCommandInput {
  @IdField()
  indicatorId!: string;

  @IdField({ description: 'The measurement this corrects; its original value stays.' })
  measurementId!: string;

  @Field({ description: 'The corrected value, a decimal string.' })
  @IsDecimalString()
  value!: string;

  @TextField({ max: 5_000, multiline: true }, { description: 'Why the value was wrong.' })
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
  @IdField()
  personId!: string;

  @IdField({ description: 'A member partner of the initiative.' })
  partnerId!: string;
}

@InputType()
export class DefineIndicatorInput extends CommandInput {
  @IdField({
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  indicatorId?: string;

  @IdField()
  initiativeId!: string;

  @TextField({ max: 500 })
  name!: string;

  @TextField({ max: 200 }, { description: 'What a value counts, e.g. "percent of third graders".' })
  unit!: string;

  @Field(() => IndicatorDirection)
  @IsIn(Object.values(IndicatorDirection))
  direction!: IndicatorDirection;

  @NestedField(DatedValueInput)
  baseline!: DatedValueInput;

  @NestedField(DatedValueInput, {
    description: 'After the baseline date, and better than the baseline in the direction given.',
  })
  target!: DatedValueInput;

  @NestedField(DataStewardInput)
  dataSteward!: DataStewardInput;
}

@InputType()
export class RecordMeasurementInput extends ExistingEntityCommandInput {
  @IdField()
  indicatorId!: string;

  @IdField({
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
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

  @IdField({ description: 'The member partner the data comes from.' })
  sourcePartnerId!: string;

  @TextField({ max: 2_000, multiline: true }, { description: 'How the value was measured.' })
  method!: string;
}
