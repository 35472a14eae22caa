import type {
  IndicatorView,
  MeasurementCorrectionView,
  MeasurementView,
} from '@accord/projections';
import { ArgsType, ObjectType } from '@nestjs/graphql';
import { entityId } from '../graphql/input-type';
import { connectionOf, pageArgsOf } from '../graphql/pagination';
import { payloadOf } from '../ledger/receipt.model';
import {
  bool,
  dateTime,
  enumOf,
  enumFrom,
  fieldsOf,
  hidden,
  id,
  int,
  list,
  localDate,
  of,
  text,
} from '../graphql/object-type';

export const IndicatorDirection = enumFrom(
  ['up', 'down'],
  'IndicatorDirection',
  'Which way is better: UP (more is better) or DOWN (less is better).',
);

@ObjectType({ description: 'A value on a day; the value is a decimal string, never a float.' })
export class DatedValue extends fieldsOf()({
  value: text('Decimal, e.g. "-3.5" or "72.25".'),
  date: localDate(),
}) {}

@ObjectType({ description: 'The person, and their partner, who keeps the data of an indicator.' })
export class DataSteward extends fieldsOf()({
  personId: id(),
  partnerId: id(),
}) {}

@ObjectType({ description: 'A correction of a measurement: a new fact; the original stays.' })
export class MeasurementCorrection extends fieldsOf<MeasurementCorrectionView>()({
  value: text('The corrected value (decimal string).'),
  reason: text(),
  correctedAt: dateTime(),
}) {}

@ObjectType({ description: 'One measurement of an indicator over a period, by a source partner.' })
export class Measurement extends fieldsOf<MeasurementView>()({
  measurementId: id(),
  value: text('The value in force: the latest correction, or the original.'),
  originalValue: text('The value as first recorded, whatever corrections followed.'),
  corrected: bool(),
  periodStart: localDate(),
  periodEnd: localDate(),
  sourcePartnerId: id(),
  method: text(),
  recordedAt: dateTime(),
  corrections: list(MeasurementCorrection, 'Every correction, oldest first.'),
}) {}

@ObjectType({
  description: 'A shared measure of progress: baseline, target and the series of measurements.',
})
export class Indicator extends fieldsOf<IndicatorView>()({
  indicatorId: id(),
  initiativeId: id(),
  name: text(),
  unit: text(),
  direction: enumOf(IndicatorDirection),
  baseline: of(DatedValue),
  target: of(DatedValue),
  dataSteward: of(DataSteward),
  definedAt: dateTime(),
  revision: int(),
  // Resolved per indicator (IndicatorResolver): a page of indicators reads no series.
  measurements: hidden<MeasurementView[] | undefined>(),
}) {}

export const IndicatorConnection = connectionOf(Indicator);

export const MeasurementConnection = connectionOf(Measurement);

@ArgsType()
export class IndicatorsArgs extends pageArgsOf({ initiativeId: entityId() }) {}

@ObjectType()
export class IndicatorPayload extends payloadOf({ indicator: Indicator }) {}

@ObjectType()
export class MeasurementPayload extends payloadOf({
  indicator: Indicator,
  measurement: Measurement,
}) {}
