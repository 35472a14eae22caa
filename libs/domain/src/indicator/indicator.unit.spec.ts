import { BusinessTimeRules } from '../shared/business-time';
import { initialInitiativeState, type InitiativeState } from '../initiative/initiative.state';
import { deciderSpecification } from '../testing/decider-specification';
import {
  initiativeAfter,
  initiativeId,
  initiativeWith,
  joined,
  launched,
  left,
  now,
} from '../testing/initiative-fixtures';
import { compareDecimals, parseDecimal } from './decimal';
import {
  type CorrectMeasurement,
  type DefineIndicator,
  indicatorDecider,
  IndicatorRules,
  type RecordMeasurement,
} from './indicator.decider';
import type { IndicatorEvent } from './indicator.events';

const spec = deciderSpecification(indicatorDecider);
const indicatorId = 'readers';
const later = '2026-04-02T09:00:00.000Z';
const steward = { personId: 'dee', partnerId: 'schools' };

const initiative = initiativeWith('schools', 'food-bank');

const defineData: DefineIndicator['data'] = {
  indicatorId,
  initiativeId,
  name: 'Third graders reading at grade level',
  unit: 'percent',
  direction: 'up',
  baseline: { value: '41.5', date: '2025-09-01' },
  target: { value: '72.25', date: '2028-06-30' },
  dataSteward: steward,
};
const define = (
  data: Partial<DefineIndicator['data']> = {},
  init: InitiativeState = initiative,
): DefineIndicator => ({
  type: 'DefineIndicator',
  actor: steward,
  now,
  data: { ...defineData, ...data },
  initiative: init,
});
const defined: IndicatorEvent = {
  type: 'IndicatorDefined.v1',
  data: { ...defineData, definedAt: now },
};

const recordData: RecordMeasurement['data'] = {
  indicatorId,
  measurementId: 'm1',
  value: '44.0',
  periodStart: '2025-09-01',
  periodEnd: '2026-01-31',
  sourcePartnerId: 'schools',
  method: 'DIBELS winter benchmark',
};
const record = (
  data: Partial<RecordMeasurement['data']> = {},
  init: InitiativeState = initiative,
): RecordMeasurement => ({
  type: 'RecordMeasurement',
  actor: steward,
  now,
  data: { ...recordData, ...data },
  initiative: init,
});
const recorded: IndicatorEvent = {
  type: 'MeasurementRecorded.v1',
  data: { ...recordData, value: '44', initiativeId, recordedAt: now },
};

const correct = (data: Partial<CorrectMeasurement['data']> = {}): CorrectMeasurement => ({
  type: 'CorrectMeasurement',
  actor: steward,
  now: later,
  data: {
    indicatorId,
    measurementId: 'm1',
    value: '43.5',
    reason: 'two schools counted twice',
    ...data,
  },
});
const corrected: IndicatorEvent = {
  type: 'MeasurementCorrected.v1',
  data: {
    indicatorId,
    initiativeId,
    measurementId: 'm1',
    value: '43.5',
    reason: 'two schools counted twice',
    correctedAt: later,
  },
};

/** A day before the fixtures' launch and every other dependency (all dated `now`). */
const EARLIER = '2026-02-28T10:00:00.000Z';
const PREDATES = BusinessTimeRules.PREDATES;

describe('decimal values', () => {
  it('spells each value one way', () => {
    expect(parseDecimal('072.250', 'v')).toBe('72.25');
    expect(parseDecimal('-3.50', 'v')).toBe('-3.5');
    expect(parseDecimal('-0.00', 'v')).toBe('0');
    expect(parseDecimal('10', 'v')).toBe('10');
  });
  it('compares exactly, without floats', () => {
    expect(compareDecimals('0.3', '0.30')).toBe(0);
    expect(compareDecimals('-3.5', '-3.45')).toBe(-1);
    expect(compareDecimals('100000000000000000.000000000001', '100000000000000000')).toBe(1);
  });
  it('rejects what is not a decimal', () => {
    for (const bad of ['1e3', '', '.5', '1.', 'NaN', '+1', '1,5']) {
      expect(() => parseDecimal(bad, 'value')).toThrow(/not a decimal/);
    }
  });
});

describe('Indicator decider', () => {
  describe('when no indicator was defined', () => {
    it('is defined with a baseline, a target in the better direction and a member steward', () => {
      spec.given([]).when(define()).then([defined]);
    });
    it('stores values in their canonical spelling', () => {
      spec
        .given([])
        .when(define({ baseline: { value: '41.50', date: '2025-09-01' } }))
        .then([{ type: 'IndicatorDefined.v1', data: { ...defineData, definedAt: now } }]);
    });
    it('accepts a target below the baseline when down is better', () => {
      const down = {
        direction: 'down' as const,
        baseline: { value: '-3.5', date: '2025-09-01' },
        target: { value: '-12', date: '2027-09-01' },
      };
      spec
        .given([])
        .when(define(down))
        .then([{ type: 'IndicatorDefined.v1', data: { ...defineData, ...down, definedAt: now } }]);
    });
    it('rejects an initiative that does not exist', () => {
      spec
        .given([])
        .when(define({}, initialInitiativeState()))
        .thenThrows(IndicatorRules.INITIATIVE_NOT_FOUND, 'initiativeId');
    });
    it('rejects a baseline that is not a decimal', () => {
      spec
        .given([])
        .when(define({ baseline: { value: '4e1', date: '2025-09-01' } }))
        .thenThrows(IndicatorRules.INVALID_VALUE, 'baseline.value');
    });
    it('rejects a target that is not a decimal', () => {
      spec
        .given([])
        .when(define({ target: { value: 'seventy', date: '2028-06-30' } }))
        .thenThrows(IndicatorRules.INVALID_VALUE, 'target.value');
    });
    it('rejects a target date on the baseline date', () => {
      spec
        .given([])
        .when(define({ target: { value: '72.25', date: '2025-09-01' } }))
        .thenThrows(IndicatorRules.TARGET_BEFORE_BASELINE, 'target.date');
    });
    it('rejects a target date before the baseline date', () => {
      spec
        .given([])
        .when(define({ target: { value: '72.25', date: '2024-06-30' } }))
        .thenThrows(IndicatorRules.TARGET_BEFORE_BASELINE, 'target.date');
    });
    it('rejects a target below the baseline when up is better', () => {
      spec
        .given([])
        .when(define({ target: { value: '40', date: '2028-06-30' } }))
        .thenThrows(IndicatorRules.TARGET_AGAINST_DIRECTION, 'target.value');
    });
    it('rejects a target above the baseline when down is better', () => {
      spec
        .given([])
        .when(define({ direction: 'down' }))
        .thenThrows(IndicatorRules.TARGET_AGAINST_DIRECTION, 'target.value');
    });
    it('rejects a target equal to the baseline (no improvement)', () => {
      spec
        .given([])
        .when(define({ target: { value: '41.50', date: '2028-06-30' } }))
        .thenThrows(IndicatorRules.TARGET_AGAINST_DIRECTION, 'target.value');
    });
    it('rejects a steward whose partner never joined', () => {
      spec
        .given([])
        .when(define({ dataSteward: { personId: 'x', partnerId: 'stranger' } }))
        .thenThrows(IndicatorRules.STEWARD_NOT_MEMBER, 'dataSteward.partnerId');
    });
    it('rejects a steward whose partner left', () => {
      spec
        .given([])
        .when(define({}, initiativeAfter(launched, joined('schools'), left('schools'))))
        .thenThrows(IndicatorRules.STEWARD_NOT_MEMBER, 'dataSteward.partnerId');
    });
    it('records no measurement on an indicator that does not exist', () => {
      spec.given([]).when(record()).thenThrows(IndicatorRules.NOT_FOUND, 'indicatorId');
    });
    it('corrects nothing on an indicator that does not exist', () => {
      spec.given([]).when(correct()).thenThrows(IndicatorRules.NOT_FOUND, 'indicatorId');
    });
  });

  describe('when the indicator is defined', () => {
    it('is not defined twice', () => {
      spec
        .given([defined])
        .when(define())
        .thenThrows(IndicatorRules.ALREADY_DEFINED, 'indicatorId');
    });
    it('records a measurement from a member partner', () => {
      spec.given([defined]).when(record()).then([recorded]);
    });
    it('records a measurement of a single day', () => {
      const day = { periodStart: '2026-01-31', periodEnd: '2026-01-31' };
      spec
        .given([defined])
        .when(record(day))
        .then([{ type: 'MeasurementRecorded.v1', data: { ...recorded.data, ...day } }]);
    });
    it('rejects a value that is not a decimal', () => {
      spec
        .given([defined])
        .when(record({ value: '44%' }))
        .thenThrows(IndicatorRules.INVALID_VALUE, 'value');
    });
    it('rejects a period that ends before it starts', () => {
      spec
        .given([defined])
        .when(record({ periodStart: '2026-02-01', periodEnd: '2026-01-31' }))
        .thenThrows(IndicatorRules.PERIOD_OUT_OF_ORDER, 'periodEnd');
    });
    it('rejects a source partner that never joined', () => {
      spec
        .given([defined])
        .when(record({ sourcePartnerId: 'stranger' }))
        .thenThrows(IndicatorRules.SOURCE_NOT_MEMBER, 'sourcePartnerId');
    });
    it('rejects a source partner that left', () => {
      spec
        .given([defined])
        .when(record({}, initiativeAfter(launched, joined('schools'), left('schools'))))
        .thenThrows(IndicatorRules.SOURCE_NOT_MEMBER, 'sourcePartnerId');
    });
    it('rejects correcting a measurement that was never recorded', () => {
      spec
        .given([defined])
        .when(correct())
        .thenThrows(IndicatorRules.MEASUREMENT_NOT_FOUND, 'measurementId');
    });
  });

  describe('when a measurement was recorded', () => {
    it('does not record the same measurement twice', () => {
      spec
        .given([defined, recorded])
        .when(record())
        .thenThrows(IndicatorRules.MEASUREMENT_ALREADY_RECORDED, 'measurementId');
    });
    it('corrects it with a new event naming it', () => {
      spec.given([defined, recorded]).when(correct()).then([corrected]);
    });
    it('rejects a correction that is not a decimal', () => {
      spec
        .given([defined, recorded])
        .when(correct({ value: 'about 43' }))
        .thenThrows(IndicatorRules.INVALID_VALUE, 'value');
    });
    it('rejects a correction to the value already in force', () => {
      spec
        .given([defined, recorded])
        .when(correct({ value: '44.00' }))
        .thenThrows(IndicatorRules.CORRECTION_UNCHANGED, 'value');
    });
    it('judges a later correction against the latest one, not the original', () => {
      spec
        .given([defined, recorded, corrected])
        .when(correct({ value: '43.5' }))
        .thenThrows(IndicatorRules.CORRECTION_UNCHANGED, 'value');
      spec
        .given([defined, recorded, corrected])
        .when(correct({ value: '44', reason: 'the double count was right after all' }))
        .then([
          {
            type: 'MeasurementCorrected.v1',
            data: {
              ...corrected.data,
              value: '44',
              reason: 'the double count was right after all',
            },
          },
        ]);
    });
  });
});

describe('Indicator decider: business time', () => {
  it('refuses an indicator defined before the initiative was launched', () => {
    spec
      .given([])
      .when({ ...define(), now: EARLIER })
      .thenThrows(PREDATES, 'occurredAt');
  });
  it('refuses a measurement recorded before the indicator was defined', () => {
    spec
      .given([defined])
      .when({ ...record(), now: EARLIER })
      .thenThrows(PREDATES, 'occurredAt');
  });
});
