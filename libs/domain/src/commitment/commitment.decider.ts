import { type InitiativeState } from '../initiative/initiative.state';
import { dayOf } from '../shared/dates';
import { type Actor, type CommandContext, type Decider } from '../shared/decider';
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

export type CommitmentCommand =
  MakeCommitment | ReportProgress | FulfilCommitment | WithdrawCommitment;

export const CommitmentRules = {
  ALREADY_MADE: 'COMMITMENT.ALREADY_MADE',
  NOT_FOUND: 'COMMITMENT.NOT_FOUND',
  INITIATIVE_NOT_FOUND: 'COMMITMENT.INITIATIVE_NOT_FOUND',
  PARTNER_NOT_MEMBER: 'COMMITMENT.PARTNER_NOT_MEMBER',
  PARTNER_LEFT: 'COMMITMENT.PARTNER_LEFT',
  NOT_PARTNER_REPRESENTATIVE: 'COMMITMENT.NOT_PARTNER_REPRESENTATIVE',
  DUE_DATE_BEFORE_COMMITMENT: 'COMMITMENT.DUE_DATE_BEFORE_COMMITMENT',
  PERCENT_OUT_OF_RANGE: 'COMMITMENT.PERCENT_OUT_OF_RANGE',
  NEGATIVE_HOURS: 'COMMITMENT.NEGATIVE_HOURS',
  ALREADY_FULFILLED: 'COMMITMENT.ALREADY_FULFILLED',
  ALREADY_WITHDRAWN: 'COMMITMENT.ALREADY_WITHDRAWN',
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

/** Only the partner's own people act on its commitments. */
function requireRepresentative(actor: Actor, partnerId: string): void {
  rule(
    actor.partnerId === partnerId,
    CommitmentRules.NOT_PARTNER_REPRESENTATIVE,
    `${actor.personId} acts for partner ${actor.partnerId}, not for ${partnerId}`,
    'partnerId',
  );
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
}

function decideMake(command: MakeCommitment, state: CommitmentState): CommitmentEvent[] {
  const { data, initiative, actor, now } = command;
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
  requireRepresentative(actor, data.partnerId);
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

export function decideCommitment(
  command: CommitmentCommand,
  state: CommitmentState,
): CommitmentEvent[] {
  if (command.type === 'MakeCommitment') return decideMake(command, state);

  const { actor, now, data } = command;
  const commitment = requireExisting(state, data.commitmentId);
  requireRepresentative(actor, commitment.partnerId);
  requireOpen(commitment);
  const ids = {
    commitmentId: commitment.commitmentId,
    initiativeId: commitment.initiativeId,
    partnerId: commitment.partnerId,
  };

  switch (command.type) {
    case 'ReportProgress':
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
      return [
        {
          type: 'CommitmentFulfilled.v1',
          data: { ...ids, note: command.data.note, fulfilledAt: now },
        },
      ];
    case 'WithdrawCommitment':
      return [
        {
          type: 'CommitmentWithdrawn.v1',
          data: { ...ids, reason: command.data.reason, withdrawnAt: now },
        },
      ];
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
