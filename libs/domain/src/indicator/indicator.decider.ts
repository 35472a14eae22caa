import { type InitiativeState, launchOf } from '../initiative/initiative.state';
import { type CommandContext, type Decider } from '../shared/decider';
import { requireOccurredNotBefore } from '../shared/business-time';
import { rule } from '../shared/domain-error';
import { compareDecimals, DecimalRules, parseDecimal } from './decimal';
import {
  type DataSteward,
  type DatedValue,
  type IndicatorDirection,
  type IndicatorEvent,
} from './indicator.events';
import { evolveIndicator, initialIndicatorState, type IndicatorState } from './indicator.state';
import { asInSchema } from '../shared/wording';

export type DefineIndicator = CommandContext & {
  type: 'DefineIndicator';
  data: {
    indicatorId: string;
    initiativeId: string;
    name: string;
    unit: string;
    direction: IndicatorDirection;
    baseline: DatedValue;
    target: DatedValue;
    dataSteward: DataSteward;
  };
  /** The initiative, folded by the handler: the steward's partner must be a member. */
  initiative: InitiativeState;
};

export type RecordMeasurement = CommandContext & {
  type: 'RecordMeasurement';
  data: {
    indicatorId: string;
    measurementId: string;
    value: string;
    periodStart: string;
    periodEnd: string;
    sourcePartnerId: string;
    method: string;
  };
  /** The indicator's initiative, folded by the handler: the source partner must be a member. */
  initiative: InitiativeState;
};

export type CorrectMeasurement = CommandContext & {
  type: 'CorrectMeasurement';
  data: { indicatorId: string; measurementId: string; value: string; reason: string };
};

export type IndicatorCommand = DefineIndicator | RecordMeasurement | CorrectMeasurement;

export const IndicatorRules = {
  ALREADY_DEFINED: 'INDICATOR.ALREADY_DEFINED',
  NOT_FOUND: 'INDICATOR.NOT_FOUND',
  INITIATIVE_NOT_FOUND: 'INDICATOR.INITIATIVE_NOT_FOUND',
  INVALID_VALUE: DecimalRules.INVALID_DECIMAL,
  STEWARD_NOT_MEMBER: 'INDICATOR.STEWARD_NOT_MEMBER',
  TARGET_BEFORE_BASELINE: 'INDICATOR.TARGET_BEFORE_BASELINE',
  TARGET_AGAINST_DIRECTION: 'INDICATOR.TARGET_AGAINST_DIRECTION',
  MEASUREMENT_ALREADY_RECORDED: 'INDICATOR.MEASUREMENT_ALREADY_RECORDED',
  PERIOD_OUT_OF_ORDER: 'INDICATOR.PERIOD_OUT_OF_ORDER',
  SOURCE_NOT_MEMBER: 'INDICATOR.SOURCE_NOT_MEMBER',
  MEASUREMENT_NOT_FOUND: 'INDICATOR.MEASUREMENT_NOT_FOUND',
  CORRECTION_UNCHANGED: 'INDICATOR.CORRECTION_UNCHANGED',
} as const;

type DefinedIndicator = Exclude<IndicatorState, { status: 'absent' }>;

/** A partner that joined and has not left. */
function requireMember(
  initiative: InitiativeState,
  partnerId: string,
  code: string,
  field: string,
): void {
  const partner = initiative.status === 'launched' ? initiative.partners[partnerId] : undefined;
  rule(
    partner?.status === 'member',
    code,
    partner
      ? `partner ${partnerId} has left the initiative`
      : `partner ${partnerId} is not a member of the initiative`,
    field,
  );
}

function decideDefine(command: DefineIndicator, state: IndicatorState): IndicatorEvent[] {
  const { data, initiative, now } = command;
  rule(
    state.status === 'absent',
    IndicatorRules.ALREADY_DEFINED,
    `indicator ${data.indicatorId} already exists`,
    'indicatorId',
  );
  rule(
    initiative.status === 'launched',
    IndicatorRules.INITIATIVE_NOT_FOUND,
    `initiative ${data.initiativeId} does not exist`,
    'initiativeId',
  );
  requireOccurredNotBefore(now, launchOf(initiative));
  const baseline = { ...data.baseline, value: parseDecimal(data.baseline.value, 'baseline.value') };
  const target = { ...data.target, value: parseDecimal(data.target.value, 'target.value') };
  rule(
    target.date > baseline.date,
    IndicatorRules.TARGET_BEFORE_BASELINE,
    `the target date ${target.date} must come after the baseline date ${baseline.date}`,
    'target.date',
  );
  const better = data.direction === 'up' ? 1 : -1;
  rule(
    compareDecimals(target.value, baseline.value) === better,
    IndicatorRules.TARGET_AGAINST_DIRECTION,
    `with direction ${asInSchema(data.direction)} the target ${target.value} must be ${
      data.direction === 'up' ? 'above' : 'below'
    } the baseline ${baseline.value}`,
    'target.value',
  );
  requireMember(
    initiative,
    data.dataSteward.partnerId,
    IndicatorRules.STEWARD_NOT_MEMBER,
    'dataSteward.partnerId',
  );
  return [{ type: 'IndicatorDefined.v1', data: { ...data, baseline, target, definedAt: now } }];
}

function decideRecord(command: RecordMeasurement, indicator: DefinedIndicator): IndicatorEvent[] {
  const { data, initiative, now } = command;
  rule(
    indicator.measurements[data.measurementId] === undefined,
    IndicatorRules.MEASUREMENT_ALREADY_RECORDED,
    `measurement ${data.measurementId} was already recorded`,
    'measurementId',
  );
  const value = parseDecimal(data.value, 'value');
  rule(
    data.periodStart <= data.periodEnd,
    IndicatorRules.PERIOD_OUT_OF_ORDER,
    `the period ends (${data.periodEnd}) before it starts (${data.periodStart})`,
    'periodEnd',
  );
  requireMember(
    initiative,
    data.sourcePartnerId,
    IndicatorRules.SOURCE_NOT_MEMBER,
    'sourcePartnerId',
  );
  return [
    {
      type: 'MeasurementRecorded.v1',
      data: { ...data, value, initiativeId: indicator.initiativeId, recordedAt: now },
    },
  ];
}

function decideCorrect(command: CorrectMeasurement, indicator: DefinedIndicator): IndicatorEvent[] {
  const { data, now } = command;
  const inForce = indicator.measurements[data.measurementId];
  rule(
    inForce !== undefined,
    IndicatorRules.MEASUREMENT_NOT_FOUND,
    `indicator ${indicator.indicatorId} has no measurement ${data.measurementId}`,
    'measurementId',
  );
  const value = parseDecimal(data.value, 'value');
  rule(
    compareDecimals(value, inForce) !== 0,
    IndicatorRules.CORRECTION_UNCHANGED,
    `measurement ${data.measurementId} already has the value ${inForce}`,
    'value',
  );
  return [
    {
      type: 'MeasurementCorrected.v1',
      data: { ...data, value, initiativeId: indicator.initiativeId, correctedAt: now },
    },
  ];
}

export function decideIndicator(
  command: IndicatorCommand,
  state: IndicatorState,
): IndicatorEvent[] {
  if (command.type === 'DefineIndicator') return decideDefine(command, state);
  rule(
    state.status === 'defined',
    IndicatorRules.NOT_FOUND,
    `indicator ${command.data.indicatorId} does not exist`,
    'indicatorId',
  );
  requireOccurredNotBefore(command.now, {
    what: `indicator ${state.indicatorId} was defined`,
    at: state.definedAt,
  });
  switch (command.type) {
    case 'RecordMeasurement':
      return decideRecord(command, state);
    case 'CorrectMeasurement':
      return decideCorrect(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const indicatorDecider: Decider<IndicatorCommand, IndicatorState, IndicatorEvent> = {
  decide: decideIndicator,
  evolve: evolveIndicator,
  initialState: initialIndicatorState,
};
