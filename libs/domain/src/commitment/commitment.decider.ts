import { type IndicatorState } from '../indicator/indicator.state';
import { type InitiativeState, launchOf } from '../initiative/initiative.state';
import { requireOccurredNotBefore } from '../shared/business-time';
import { dayOf } from '../shared/dates';
import { type CommandContext, type Decider } from '../shared/decider';
import { rule } from '../shared/domain-error';
import { type CommitmentEvent, type ResourcesPledged } from './commitment.events';
import { evolveCommitment, initialCommitmentState, type CommitmentState } from './commitment.state';

export type MakeCommitment = CommandContext & {
  type: 'MakeCommitment';
  data: {
    commitmentId: string;
    initiativeId: string;
    partnerId: string;
    description: string;
    resources: ResourcesPledged;
    dueDate: string;
  };
  /** The initiative as it stands, folded by the handler: the rule needs to know who is a member. */
  initiative: InitiativeState;
};

export type ReportProgress = CommandContext & {
  type: 'ReportProgress';
  data: { commitmentId: string; percent: number; note: string };
};

export type FulfilCommitment = CommandContext & {
  type: 'FulfilCommitment';
  data: { commitmentId: string; note: string | null };
};

export type WithdrawCommitment = CommandContext & {
  type: 'WithdrawCommitment';
  data: { commitmentId: string; reason: string };
};

export type AcceptCommitment = CommandContext & {
  type: 'AcceptCommitment';
  /** Who may accept (a steering member in office) is the policy's rule: see authorisation/policy.ts. */
  data: { commitmentId: string };
};

export type ReviseCommitment = CommandContext & {
  type: 'ReviseCommitment';
  /** null leaves that part as it is; at least one must change. */
  data: {
    commitmentId: string;
    dueDate: string | null;
    description: string | null;
    reason: string;
  };
};

export type MissCommitment = CommandContext & {
  type: 'MissCommitment';
  /** Who may record a miss (backbone staff) is the policy's rule: see authorisation/policy.ts. */
  data: { commitmentId: string; reason: string };
};

/** What a commitment needs to know of a decision: the initiative it belongs to (null: no such decision). */
export interface DecisionReference {
  initiativeId: string | null;
}

export type LinkCommitment = CommandContext & {
  type: 'LinkCommitment';
  data: { commitmentId: string; indicatorId: string | null; decisionId: string | null };
  /** The indicator named by `indicatorId`, folded by the handler (absent when none is named). */
  indicator: IndicatorState;
  /** The decision named by `decisionId`, read by the handler. */
  decision: DecisionReference;
};

export type CommitmentCommand =
  | MakeCommitment
  | ReportProgress
  | FulfilCommitment
  | WithdrawCommitment
  | AcceptCommitment
  | ReviseCommitment
  | MissCommitment
  | LinkCommitment;

export const CommitmentRules = {
  ALREADY_MADE: 'COMMITMENT.ALREADY_MADE',
  NOT_FOUND: 'COMMITMENT.NOT_FOUND',
  INITIATIVE_NOT_FOUND: 'COMMITMENT.INITIATIVE_NOT_FOUND',
  PARTNER_NOT_MEMBER: 'COMMITMENT.PARTNER_NOT_MEMBER',
  PARTNER_LEFT: 'COMMITMENT.PARTNER_LEFT',
  DUE_DATE_BEFORE_COMMITMENT: 'COMMITMENT.DUE_DATE_BEFORE_COMMITMENT',
  PERCENT_OUT_OF_RANGE: 'COMMITMENT.PERCENT_OUT_OF_RANGE',
  NEGATIVE_HOURS: 'COMMITMENT.NEGATIVE_HOURS',
  ALREADY_FULFILLED: 'COMMITMENT.ALREADY_FULFILLED',
  ALREADY_WITHDRAWN: 'COMMITMENT.ALREADY_WITHDRAWN',
  ALREADY_MISSED: 'COMMITMENT.ALREADY_MISSED',
  ALREADY_ACCEPTED: 'COMMITMENT.ALREADY_ACCEPTED',
  NOTHING_TO_REVISE: 'COMMITMENT.NOTHING_TO_REVISE',
  DUE_DATE_IN_PAST: 'COMMITMENT.DUE_DATE_IN_PAST',
  NOT_YET_DUE: 'COMMITMENT.NOT_YET_DUE',
  NOTHING_TO_LINK: 'COMMITMENT.NOTHING_TO_LINK',
  INDICATOR_NOT_FOUND: 'COMMITMENT.INDICATOR_NOT_FOUND',
  INDICATOR_OF_OTHER_INITIATIVE: 'COMMITMENT.INDICATOR_OF_OTHER_INITIATIVE',
  DECISION_NOT_FOUND: 'COMMITMENT.DECISION_NOT_FOUND',
  DECISION_OF_OTHER_INITIATIVE: 'COMMITMENT.DECISION_OF_OTHER_INITIATIVE',
} as const;

type OpenCommitment = Exclude<CommitmentState, { status: 'absent' }>;

function requireExisting(state: CommitmentState, commitmentId: string): OpenCommitment {
  rule(
    state.status !== 'absent',
    CommitmentRules.NOT_FOUND,
    `commitment ${commitmentId} does not exist`,
    'commitmentId',
  );
  return state;
}

function requireOpen(commitment: OpenCommitment): void {
  rule(
    commitment.status !== 'fulfilled',
    CommitmentRules.ALREADY_FULFILLED,
    `commitment ${commitment.commitmentId} was already fulfilled`,
    'commitmentId',
  );
  rule(
    commitment.status !== 'withdrawn',
    CommitmentRules.ALREADY_WITHDRAWN,
    `commitment ${commitment.commitmentId} was withdrawn`,
    'commitmentId',
  );
  rule(
    commitment.status !== 'missed',
    CommitmentRules.ALREADY_MISSED,
    `commitment ${commitment.commitmentId} was recorded as missed`,
    'commitmentId',
  );
}

function decideMake(command: MakeCommitment, state: CommitmentState): CommitmentEvent[] {
  const { data, initiative, now } = command;
  rule(
    state.status === 'absent',
    CommitmentRules.ALREADY_MADE,
    `commitment ${data.commitmentId} already exists`,
    'commitmentId',
  );
  rule(
    initiative.status === 'launched',
    CommitmentRules.INITIATIVE_NOT_FOUND,
    `initiative ${data.initiativeId} does not exist`,
    'initiativeId',
  );
  requireOccurredNotBefore(now, launchOf(initiative));
  const partner = initiative.partners[data.partnerId];
  rule(
    partner !== undefined,
    CommitmentRules.PARTNER_NOT_MEMBER,
    `partner ${data.partnerId} is not a member of the initiative`,
    'partnerId',
  );
  rule(
    partner.status === 'member',
    CommitmentRules.PARTNER_LEFT,
    `partner ${data.partnerId} has left the initiative`,
    'partnerId',
  );
  rule(
    data.dueDate >= dayOf(now),
    CommitmentRules.DUE_DATE_BEFORE_COMMITMENT,
    `due date ${data.dueDate} is before the commitment is made (${dayOf(now)})`,
    'dueDate',
  );
  rule(
    data.resources.hours === null || data.resources.hours >= 0,
    CommitmentRules.NEGATIVE_HOURS,
    'hours pledged cannot be negative',
    'resources.hours',
  );
  return [{ type: 'CommitmentMade.v1', data: { ...data, madeAt: now } }];
}

type Ids = Pick<OpenCommitment, 'commitmentId' | 'initiativeId' | 'partnerId'>;

function decideAccept(
  command: AcceptCommitment,
  commitment: OpenCommitment,
  ids: Ids,
): CommitmentEvent[] {
  const { actor, now } = command;
  requireOpen(commitment);
  rule(
    commitment.acceptedBy === null,
    CommitmentRules.ALREADY_ACCEPTED,
    `commitment ${commitment.commitmentId} was already accepted by ${commitment.acceptedBy}`,
    'commitmentId',
  );
  return [
    {
      type: 'CommitmentAccepted.v1',
      data: { ...ids, acceptedBy: actor.personId, acceptedAt: now },
    },
  ];
}

function decideRevise(
  command: ReviseCommitment,
  commitment: OpenCommitment,
  ids: Ids,
): CommitmentEvent[] {
  const { now, data } = command;
  requireOpen(commitment);
  // A value equal to the current one is no change: the event names only what changed.
  const dueDate = data.dueDate !== commitment.dueDate ? data.dueDate : null;
  const description = data.description !== commitment.description ? data.description : null;
  rule(
    dueDate !== null || description !== null,
    CommitmentRules.NOTHING_TO_REVISE,
    'a revision changes the due date, the description or both',
  );
  rule(
    dueDate === null || dueDate >= dayOf(now),
    CommitmentRules.DUE_DATE_IN_PAST,
    `the new due date ${dueDate} is before the day of the revision (${dayOf(now)})`,
    'dueDate',
  );
  return [
    {
      type: 'CommitmentRevised.v1',
      data: {
        ...ids,
        dueDate,
        description,
        previousDueDate: commitment.dueDate,
        previousDescription: commitment.description,
        reason: data.reason,
        revisedAt: now,
      },
    },
  ];
}

function decideMiss(
  command: MissCommitment,
  commitment: OpenCommitment,
  ids: Ids,
): CommitmentEvent[] {
  const { now, data } = command;
  requireOpen(commitment);
  rule(
    dayOf(now) > commitment.dueDate,
    CommitmentRules.NOT_YET_DUE,
    `commitment ${commitment.commitmentId} is due ${commitment.dueDate}: it is not missed on ${dayOf(now)}`,
    'commitmentId',
  );
  return [
    {
      type: 'CommitmentMissed.v1',
      data: { ...ids, dueDate: commitment.dueDate, reason: data.reason, missedAt: now },
    },
  ];
}

function decideLink(
  command: LinkCommitment,
  commitment: OpenCommitment,
  ids: Ids,
): CommitmentEvent[] {
  const { now, data, indicator, decision } = command;
  requireOpen(commitment);
  rule(
    data.indicatorId !== null || data.decisionId !== null,
    CommitmentRules.NOTHING_TO_LINK,
    'name an indicator, a decision or both',
    'indicatorId',
  );
  if (data.indicatorId !== null) {
    rule(
      indicator.status === 'defined',
      CommitmentRules.INDICATOR_NOT_FOUND,
      `indicator ${data.indicatorId} does not exist`,
      'indicatorId',
    );
    rule(
      indicator.initiativeId === commitment.initiativeId,
      CommitmentRules.INDICATOR_OF_OTHER_INITIATIVE,
      `indicator ${data.indicatorId} belongs to another initiative`,
      'indicatorId',
    );
  }
  if (data.decisionId !== null) {
    rule(
      decision.initiativeId !== null,
      CommitmentRules.DECISION_NOT_FOUND,
      `decision ${data.decisionId} does not exist`,
      'decisionId',
    );
    rule(
      decision.initiativeId === commitment.initiativeId,
      CommitmentRules.DECISION_OF_OTHER_INITIATIVE,
      `decision ${data.decisionId} belongs to another initiative`,
      'decisionId',
    );
  }
  return [
    {
      type: 'CommitmentLinked.v1',
      data: { ...ids, indicatorId: data.indicatorId, decisionId: data.decisionId, linkedAt: now },
    },
  ];
}

export function decideCommitment(
  command: CommitmentCommand,
  state: CommitmentState,
): CommitmentEvent[] {
  if (command.type === 'MakeCommitment') return decideMake(command, state);

  const { now } = command;
  const commitment = requireExisting(state, command.data.commitmentId);
  requireOccurredNotBefore(now, {
    what: `commitment ${commitment.commitmentId} was made`,
    at: commitment.madeAt,
  });
  const ids: Ids = {
    commitmentId: commitment.commitmentId,
    initiativeId: commitment.initiativeId,
    partnerId: commitment.partnerId,
  };

  switch (command.type) {
    case 'ReportProgress':
      requireOpen(commitment);
      rule(
        Number.isInteger(command.data.percent) &&
          command.data.percent >= 0 &&
          command.data.percent <= 100,
        CommitmentRules.PERCENT_OUT_OF_RANGE,
        `percent must be a whole number from 0 to 100, got ${command.data.percent}`,
        'percent',
      );
      return [
        {
          type: 'ProgressReported.v1',
          data: { ...ids, percent: command.data.percent, note: command.data.note, reportedAt: now },
        },
      ];
    case 'FulfilCommitment':
      requireOpen(commitment);
      return [
        {
          type: 'CommitmentFulfilled.v1',
          data: { ...ids, note: command.data.note, fulfilledAt: now },
        },
      ];
    case 'WithdrawCommitment':
      requireOpen(commitment);
      return [
        {
          type: 'CommitmentWithdrawn.v1',
          data: { ...ids, reason: command.data.reason, withdrawnAt: now },
        },
      ];
    case 'AcceptCommitment':
      return decideAccept(command, commitment, ids);
    case 'ReviseCommitment':
      return decideRevise(command, commitment, ids);
    case 'MissCommitment':
      return decideMiss(command, commitment, ids);
    case 'LinkCommitment':
      return decideLink(command, commitment, ids);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const commitmentDecider: Decider<CommitmentCommand, CommitmentState, CommitmentEvent> = {
  decide: decideCommitment,
  evolve: evolveCommitment,
  initialState: initialCommitmentState,
};
