import * as inputs from './indicators.inputs';
import { MeasurementPayload, IndicatorPayload } from './indicator.model';
import { IndicatorQueries } from './queries/indicator.queries';
import { entityMutationsOf, mutationsOf, mutationsResolver } from '../graphql/mutation-table';

const indicator = entityMutationsOf(inputs, IndicatorPayload, IndicatorQueries, 'indicator');
const measurement = mutationsOf(
  inputs,
  MeasurementPayload,
  IndicatorQueries,
  (read, data: { indicatorId: string; measurementId: string }) =>
    read.withMeasurement(data.indicatorId, data.measurementId),
);

export const IndicatorsMutations = mutationsResolver('IndicatorsMutations', [
  measurement(
    'CorrectMeasurement',
    'Correct a measurement with a new value and the reason; the original stays in the history.',
  ),
  indicator(
    'DefineIndicator',
    'Define a shared measure: unit, direction, baseline, target and data steward.',
    ({ baseline, target, dataSteward }, _, own) => ({
      ...own,
      baseline: { value: baseline.value, date: baseline.date },
      target: { value: target.value, date: target.date },
      dataSteward: { personId: dataSteward.personId, partnerId: dataSteward.partnerId },
    }),
  ),
  measurement(
    'RecordMeasurement',
    'Record a measurement of an indicator for a period, from a source partner.',
  ),
]);
