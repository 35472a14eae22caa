import type { IndicatorDirection as DomainDirection } from '@accord/domain';
import type { IndicatorView, MeasurementView } from '@accord/projections';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { Receipt, WITHHELD } from '../ledger/receipt.model';

export enum IndicatorDirection {
  UP = 'up',
  DOWN = 'down',
}
registerEnumType(IndicatorDirection, {
  name: 'IndicatorDirection',
  description: 'Which way is better: UP (more is better) or DOWN (less is better).',
});

@ObjectType({ description: 'A value on a day; the value is a decimal string, never a float.' })
export class DatedValue {
  @Field({ description: 'Decimal, e.g. "-3.5" or "72.25".' })
  value!: string;

  @Field(() => LocalDateScalar)
  date!: string;
}

@ObjectType({ description: 'The person, and their partner, who keeps the data of an indicator.' })
export class DataSteward {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  partnerId!: string;
}

@ObjectType({ description: 'A correction of a measurement: a new fact; the original stays.' })
export class MeasurementCorrection {
  @Field({ description: 'The corrected value (decimal string).' })
  value!: string;

  @Field()
  reason!: string;

  @Field(() => DateTimeScalar)
  correctedAt!: string;
}

@ObjectType({ description: 'One measurement of an indicator over a period, by a source partner.' })
export class Measurement implements MeasurementView {
  @Field(() => ID)
  measurementId!: string;

  @Field({ description: 'The value in force: the latest correction, or the original.' })
  value!: string;

  @Field({ description: 'The value as first recorded, whatever corrections followed.' })
  originalValue!: string;

  @Field()
  corrected!: boolean;

  @Field(() => LocalDateScalar)
  periodStart!: string;

  @Field(() => LocalDateScalar)
  periodEnd!: string;

  @Field(() => ID)
  sourcePartnerId!: string;

  @Field()
  method!: string;

  @Field(() => DateTimeScalar)
  recordedAt!: string;

  @Field(() => [MeasurementCorrection], { description: 'Every correction, oldest first.' })
  corrections!: MeasurementCorrection[];
}

@ObjectType({
  description: 'A shared measure of progress: baseline, target and the series of measurements.',
})
export class Indicator implements IndicatorView {
  @Field(() => ID)
  indicatorId!: string;

  @Field(() => ID)
  initiativeId!: string;

  @Field()
  name!: string;

  @Field()
  unit!: string;

  @Field(() => IndicatorDirection)
  direction!: DomainDirection;

  @Field(() => DatedValue)
  baseline!: DatedValue;

  @Field(() => DatedValue)
  target!: DatedValue;

  @Field(() => DataSteward)
  dataSteward!: DataSteward;

  @Field(() => DateTimeScalar)
  definedAt!: string;

  @Field(() => Int)
  revision!: number;

  @Field(() => [Measurement], { description: 'Ordered by period; corrections applied.' })
  measurements!: Measurement[];
}

@ObjectType()
export class IndicatorPayload {
  @Field(() => Receipt)
  receipt!: Receipt;

  @Field(() => Indicator, { nullable: true, description: WITHHELD })
  indicator!: Indicator | null;
}

@ObjectType()
export class MeasurementPayload {
  @Field(() => Receipt)
  receipt!: Receipt;

  @Field(() => Indicator, { nullable: true, description: WITHHELD })
  indicator!: Indicator | null;

  @Field(() => Measurement, { nullable: true, description: WITHHELD })
  measurement!: Measurement | null;
}
