import type {
  IndicatorView,
  MeasurementCorrectionView,
  MeasurementView,
} from '@accord/projections';
import { ArgsType, ObjectType } from '@nestjs/graphql';
import { entityId } from '../graphql/input-type';
import { connectionOf, pageArgsOf } from '../graphql/pagination';
import { payloadOf } from '../ledger/receipt.model';
import * as t from '../graphql/object-type';

export const IndicatorDirection = t.enumFrom(
  ['up', 'down'],
  'IndicatorDirection',
  'Which way is better: UP (more is better) or DOWN (less is better).',
);

@ObjectType({ description: 'A value on a day; the value is a decimal string, never a float.' })
export class DatedValue extends t.fieldsOf()({
  value: t.text('Decimal, e.g. "-3.5" or "72.25".'),
  date: t.localDate(),
}) {}

@ObjectType({ description: 'The person, and their partner, who keeps the data of an indicator.' })
export class DataSteward extends t.fieldsOf()({
  personId: t.id(),
  partnerId: t.id(),
}) {}

@ObjectType({ description: 'A correction of a measurement: a new fact; the original stays.' })
export class MeasurementCorrection extends t.fieldsOf<MeasurementCorrectionView>()({
  value: t.text('The corrected value (decimal string).'),
  reason: t.text(),
  correctedAt: t.dateTime(),
}) {}

@ObjectType({ description: 'One measurement of an indicator over a period, by a source partner.' })
export class Measurement extends t.fieldsOf<MeasurementView>()({
  measurementId: t.id(),
  value: t.text('The value in force: the latest correction, or the original.'),
  originalValue: t.text('The value as first recorded, whatever corrections followed.'),
  corrected: t.bool(),
  periodStart: t.localDate(),
  periodEnd: t.localDate(),
  sourcePartnerId: t.id(),
  method: t.text(),
  recordedAt: t.dateTime(),
  corrections: t.list(MeasurementCorrection, 'Every correction, oldest first.'),
}) {}

@ObjectType({
  description: 'A shared measure of progress: baseline, target and the series of measurements.',
})
export class Indicator extends t.fieldsOf<IndicatorView>()({
  indicatorId: t.id(),
  initiativeId: t.id(),
  name: t.text(),
  unit: t.text(),
  direction: t.enumOf(IndicatorDirection),
  baseline: t.of(DatedValue),
  target: t.of(DatedValue),
  dataSteward: t.of(DataSteward),
  definedAt: t.dateTime(),
  revision: t.int(),
  // Resolved per indicator (IndicatorResolver): a page of indicators reads no series.
  measurements: t.hidden<MeasurementView[] | undefined>(),
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
