/** Which way is better: `up` (more readers) or `down` (fewer evictions). */
export type IndicatorDirection = 'up' | 'down';

/** A value at a day: the value a decimal string (never a float), the date YYYY-MM-DD. */
export interface DatedValue {
  value: string;
  date: string;
}

export interface DataSteward {
  personId: string;
  partnerId: string;
}

export type IndicatorDefined = {
  type: 'IndicatorDefined.v1';
  data: {
    indicatorId: string;
    initiativeId: string;
    name: string;
    unit: string;
    direction: IndicatorDirection;
    baseline: DatedValue;
    target: DatedValue;
    dataSteward: DataSteward;
    definedAt: string;
  };
};

export type MeasurementRecorded = {
  type: 'MeasurementRecorded.v1';
  data: {
    indicatorId: string;
    initiativeId: string;
    measurementId: string;
    value: string;
    /** Calendar days, YYYY-MM-DD, start <= end. */
    periodStart: string;
    periodEnd: string;
    sourcePartnerId: string;
    method: string;
    recordedAt: string;
  };
};

/** A new fact naming the measurement it corrects: the original stays in the log. */
export type MeasurementCorrected = {
  type: 'MeasurementCorrected.v1';
  data: {
    indicatorId: string;
    initiativeId: string;
    measurementId: string;
    value: string;
    reason: string;
    correctedAt: string;
  };
};

export type IndicatorEvent = IndicatorDefined | MeasurementRecorded | MeasurementCorrected;

export const INDICATOR_EVENT_TYPES: readonly IndicatorEvent['type'][] = [
  'IndicatorDefined.v1',
  'MeasurementRecorded.v1',
  'MeasurementCorrected.v1',
];
