import type { IndicatorEvent } from './indicator.events';

export type IndicatorState =
  | { status: 'absent' }
  | {
      status: 'defined';
      indicatorId: string;
      initiativeId: string;
      /** Business time the indicator was defined: no measurement may be dated before. */
      definedAt: string;
      /** The partner of the indicator's data steward: its data stewards record the measurements. */
      stewardPartnerId: string;
      /** Each recorded measurement's value in force (the latest correction, or the original). */
      measurements: Readonly<Record<string, string>>;
    };

export const initialIndicatorState = (): IndicatorState => ({ status: 'absent' });

export function evolveIndicator(state: IndicatorState, event: IndicatorEvent): IndicatorState {
  const { type, data } = event;
  switch (type) {
    case 'IndicatorDefined.v1':
      return {
        status: 'defined',
        indicatorId: data.indicatorId,
        initiativeId: data.initiativeId,
        definedAt: data.definedAt,
        stewardPartnerId: data.dataSteward.partnerId,
        measurements: {},
      };
    case 'MeasurementRecorded.v1':
    case 'MeasurementCorrected.v1':
      if (state.status === 'absent') return state;
      return {
        ...state,
        measurements: { ...state.measurements, [data.measurementId]: data.value },
      };
    default: {
      const _exhaustive: never = type;
      return state;
    }
  }
}
