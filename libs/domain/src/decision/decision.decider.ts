import {
  type DecisionMethod,
  type GovernanceRules,
  requireGovernanceRules,
} from '../governance/governance-rules';
import { type InitiativeState, launchOf } from '../initiative/initiative.state';
import { type MeetingState } from '../meeting/meeting.state';
import { holdsRole, type RosterState, votingMembersAt } from '../roster/roster.state';
import { requireOccurredNotBefore } from '../shared/business-time';
import { dayOf } from '../shared/dates';
import { type Actor, type CommandContext, type Decider } from '../shared/decider';
import { rule } from '../shared/domain-error';
import { reaches } from '../shared/fraction';
import {
  CHOICES_BY_METHOD,
  CHOICES_NEEDING_REASON,
  type DecisionEvent,
  type DecisionOutcome,
  type QuorumCheck,
  type Tally,
  type VoteChoice,
} from './decision.events';
import { type DecisionState, evolveDecision, initialDecisionState } from './decision.state';
import { asInSchema, withArticle } from '../shared/wording';

export type ProposeDecision = CommandContext & {
  type: 'ProposeDecision';
  data: {
    decisionId: string;
    initiativeId: string;
    title: string;
    motion: string;
    rationale: string;
    /** The initiative's default method when null. */
    method: DecisionMethod | null;
    meetingId: string | null;
    reviewDate: string | null;
    proposedRules: GovernanceRules | null;
  };
  /** The initiative as it stands: it must be launched, and the proposer's partner a member. */
  initiative: InitiativeState;
  /** The meeting named by meetingId, folded; absent when none was named. */
  meeting: MeetingState;
};

/**
 * Declaring, casting and changing a vote are for voting members (steering members in office)
 * only: the policy's rule (authorisation/policy.ts), judged on the roster as it stands now.
 */
export type DeclareConflictOfInterest = CommandContext & {
  type: 'DeclareConflictOfInterest';
  data: { decisionId: string; reason: string };
};

/** A vote also counts only from someone who was a voting member at the vote's business time. */
export type CastVote = CommandContext & {
  type: 'CastVote';
  data: { decisionId: string; choice: VoteChoice; reason: string | null };
  /** The initiative's roster, to know who was a voting member when the vote was cast. */
  roster: RosterState;
};

export type ChangeVote = CommandContext & {
  type: 'ChangeVote';
  data: { decisionId: string; choice: VoteChoice; reason: string };
  /** The initiative's roster, to know who was a voting member when the vote was changed. */
  roster: RosterState;
};

export type CloseDecision = CommandContext & {
  type: 'CloseDecision';
  data: { decisionId: string };
  /** The initiative's roster: the quorum counts the voting members in office at the close. */
  roster: RosterState;
  /** The initiative: only someone acting for a member partner closes the vote. */
  initiative: InitiativeState;
};

export type SupersedeDecision = CommandContext & {
  type: 'SupersedeDecision';
  data: { decisionId: string; byDecisionId: string };
  /** The later decision, folded from its own stream. */
  by: DecisionState;
  /** The initiative: only someone acting for a member partner records it. */
  initiative: InitiativeState;
};

export type DecisionCommand =
  | ProposeDecision
  | DeclareConflictOfInterest
  | CastVote
  | ChangeVote
  | CloseDecision
  | SupersedeDecision;

export const DecisionRules = {
  ALREADY_PROPOSED: 'DECISION.ALREADY_PROPOSED',
  NOT_FOUND: 'DECISION.NOT_FOUND',
  INITIATIVE_NOT_FOUND: 'DECISION.INITIATIVE_NOT_FOUND',
  PARTNER_NOT_MEMBER: 'DECISION.PARTNER_NOT_MEMBER',
  MEETING_NOT_FOUND: 'DECISION.MEETING_NOT_FOUND',
  REVIEW_DATE_BEFORE_PROPOSAL: 'DECISION.REVIEW_DATE_BEFORE_PROPOSAL',
  ALREADY_CLOSED: 'DECISION.ALREADY_CLOSED',
  RECUSED: 'DECISION.RECUSED',
  ALREADY_RECUSED: 'DECISION.ALREADY_RECUSED',
  ALREADY_VOTED: 'DECISION.ALREADY_VOTED',
  NOT_VOTED: 'DECISION.NOT_VOTED',
  CHOICE_NOT_ALLOWED: 'DECISION.CHOICE_NOT_ALLOWED',
  REASON_REQUIRED: 'DECISION.REASON_REQUIRED',
  NOT_VOTING_MEMBER_THEN: 'DECISION.NOT_VOTING_MEMBER_THEN',
  SAME_CHOICE: 'DECISION.SAME_CHOICE',
  NOT_ADOPTED: 'DECISION.NOT_ADOPTED',
  SUPERSEDING_NOT_FOUND: 'DECISION.SUPERSEDING_NOT_FOUND',
  SUPERSEDING_NOT_ADOPTED: 'DECISION.SUPERSEDING_NOT_ADOPTED',
  SUPERSEDES_ITSELF: 'DECISION.SUPERSEDES_ITSELF',
  ALREADY_SUPERSEDED: 'DECISION.ALREADY_SUPERSEDED',
} as const;

type ProposedDecision = Exclude<DecisionState, { status: 'absent' }>;

function requireExisting(state: DecisionState, decisionId: string): ProposedDecision {
  rule(
    state.status !== 'absent',
    DecisionRules.NOT_FOUND,
    `decision ${decisionId} does not exist`,
    'decisionId',
  );
  return state;
}

function requireOpen(decision: ProposedDecision): void {
  rule(
    decision.status === 'open',
    DecisionRules.ALREADY_CLOSED,
    `decision ${decision.decisionId} is already closed (${decision.status})`,
    'decisionId',
  );
}

/** A recused member's vote does not count, so they cannot vote. Field `actor`: the voter is never an input. */
function requireNotRecused(decision: ProposedDecision, personId: string): void {
  rule(
    decision.recused[personId] === undefined,
    DecisionRules.RECUSED,
    `${personId} declared a conflict of interest on decision ${decision.decisionId} and cannot vote`,
    'actor',
  );
}

/** The actor acts for a partner that is a member of the initiative. */
function requireMemberActor(initiative: InitiativeState, actor: Actor): void {
  rule(
    initiative.status === 'launched' && initiative.partners[actor.partnerId]?.status === 'member',
    DecisionRules.PARTNER_NOT_MEMBER,
    `${actor.personId} acts for ${actor.partnerId}, which is not a member of the initiative`,
    'actor',
  );
}

/** Whoever may vote now must also have been a voting member for their partner on the vote's day. */
function requireVotingMemberAt(roster: RosterState, actor: Actor, at: string): void {
  const { personId, partnerId } = actor;
  rule(
    holdsRole(roster, { personId, partnerId, role: 'steering_member' }, at),
    DecisionRules.NOT_VOTING_MEMBER_THEN,
    `${personId} was not a steering member for ${partnerId} on ${dayOf(at)}, so could not vote then`,
    'occurredAt',
  );
}

function requireChoice(method: DecisionMethod, choice: VoteChoice, reason: string | null): void {
  const allowed = CHOICES_BY_METHOD[method];
  rule(
    allowed.includes(choice),
    DecisionRules.CHOICE_NOT_ALLOWED,
    `${asInSchema(choice)} is not a choice under ${asInSchema(method)}; choose ${allowed.map(asInSchema).join(', ')}`,
    'choice',
  );
  rule(
    !CHOICES_NEEDING_REASON.has(choice) || (reason !== null && reason.trim() !== ''),
    DecisionRules.REASON_REQUIRED,
    `${withArticle(asInSchema(choice))} must give its reason`,
    'reason',
  );
}

function decidePropose(command: ProposeDecision, state: DecisionState): DecisionEvent[] {
  const { data, initiative, meeting, actor, now } = command;
  rule(
    state.status === 'absent',
    DecisionRules.ALREADY_PROPOSED,
    `decision ${data.decisionId} already exists`,
    'decisionId',
  );
  rule(
    initiative.status === 'launched',
    DecisionRules.INITIATIVE_NOT_FOUND,
    `initiative ${data.initiativeId} does not exist`,
    'initiativeId',
  );
  requireOccurredNotBefore(now, launchOf(initiative));
  requireMemberActor(initiative, actor);
  if (data.meetingId !== null) {
    rule(
      meeting.status === 'held' && meeting.initiativeId === data.initiativeId,
      DecisionRules.MEETING_NOT_FOUND,
      `meeting ${data.meetingId} was not held in this initiative`,
      'meetingId',
    );
  }
  rule(
    data.reviewDate === null || data.reviewDate >= dayOf(now),
    DecisionRules.REVIEW_DATE_BEFORE_PROPOSAL,
    `review date ${data.reviewDate ?? ''} is before the decision is proposed (${dayOf(now)})`,
    'reviewDate',
  );
  if (data.proposedRules !== null) requireGovernanceRules(data.proposedRules, 'proposedRules');
  const { rules } = initiative;
  return [
    {
      type: 'DecisionProposed.v1',
      data: {
        ...data,
        method: data.method ?? rules.defaultMethod,
        quorum: rules.quorum,
        supermajority: rules.supermajority,
        proposedBy: { personId: actor.personId, partnerId: actor.partnerId },
        proposedAt: now,
      },
    },
  ];
}

const emptyTally = (): Tally => ({ for: 0, against: 0, abstain: 0, block: 0, objection: 0 });

/** The smallest whole number of participants that reaches the quorum. */
function required(votingMembers: number, decision: ProposedDecision): number {
  let needed = 0;
  while (!reaches(needed, votingMembers, decision.quorum)) needed++;
  return needed;
}

/** The outcome from the method, the quorum and the votes that count. */
export function computeOutcome(
  decision: ProposedDecision,
  votingMembers: number,
): { outcome: DecisionOutcome; reason: string | null; tally: Tally; quorum: QuorumCheck } {
  const tally = emptyTally();
  for (const [personId, ballot] of Object.entries(decision.votes)) {
    if (decision.recused[personId] === undefined) tally[ballot.choice]++;
  }
  const participants = Object.values(tally).reduce((sum, n) => sum + n, 0);
  const quorum: QuorumCheck = {
    votingMembers,
    participants,
    required: required(votingMembers, decision),
    reached: votingMembers > 0 && reaches(participants, votingMembers, decision.quorum),
  };
  const result = (outcome: DecisionOutcome, reason: string | null) => ({
    outcome,
    reason,
    tally,
    quorum,
  });
  if (!quorum.reached) {
    return result(
      'rejected',
      `quorum not reached: ${participants} of ${votingMembers} voting members took part, ${quorum.required} needed`,
    );
  }
  switch (decision.method) {
    case 'consensus':
      return tally.block === 0
        ? result('adopted', null)
        : result('rejected', `blocked by ${tally.block} member(s)`);
    case 'consent':
      return tally.objection === 0
        ? result('adopted', null)
        : result('rejected', `${tally.objection} objection(s) raised`);
    case 'simple_majority':
      return tally.for > tally.against
        ? result('adopted', null)
        : result('rejected', `no majority: ${tally.for} for, ${tally.against} against`);
    case 'supermajority': {
      const { numerator, denominator } = decision.supermajority;
      return tally.for > 0 && tally.for * denominator >= numerator * (tally.for + tally.against)
        ? result('adopted', null)
        : result(
            'rejected',
            `no supermajority of ${numerator}/${denominator}: ${tally.for} for, ${tally.against} against`,
          );
    }
    default: {
      const _exhaustive: never = decision.method;
      return _exhaustive;
    }
  }
}

export function decideDecision(command: DecisionCommand, state: DecisionState): DecisionEvent[] {
  if (command.type === 'ProposeDecision') return decidePropose(command, state);

  const { actor, now } = command;
  const decision = requireExisting(state, command.data.decisionId);
  requireOccurredNotBefore(now, {
    what: `decision ${decision.decisionId} was proposed`,
    at: decision.proposedAt,
  });
  const ids = { decisionId: decision.decisionId, initiativeId: decision.initiativeId };

  switch (command.type) {
    case 'DeclareConflictOfInterest': {
      requireOpen(decision);
      rule(
        decision.recused[actor.personId] === undefined,
        DecisionRules.ALREADY_RECUSED,
        `${actor.personId} is already recused from decision ${decision.decisionId}`,
        'actor',
      );
      return [
        {
          type: 'ConflictOfInterestDeclared.v1',
          data: {
            ...ids,
            personId: actor.personId,
            partnerId: actor.partnerId,
            reason: command.data.reason,
            declaredAt: now,
          },
        },
      ];
    }
    case 'CastVote': {
      const { choice, reason } = command.data;
      requireOpen(decision);
      requireNotRecused(decision, actor.personId);
      requireVotingMemberAt(command.roster, actor, now);
      rule(
        decision.votes[actor.personId] === undefined,
        DecisionRules.ALREADY_VOTED,
        `${actor.personId} already voted on decision ${decision.decisionId}; change the vote instead`,
        'actor',
      );
      requireChoice(decision.method, choice, reason);
      return [
        {
          type: 'VoteCast.v1',
          data: {
            ...ids,
            personId: actor.personId,
            partnerId: actor.partnerId,
            choice,
            reason,
            castAt: now,
          },
        },
      ];
    }
    case 'ChangeVote': {
      const { choice, reason } = command.data;
      requireOpen(decision);
      requireNotRecused(decision, actor.personId);
      requireVotingMemberAt(command.roster, actor, now);
      const previous = decision.votes[actor.personId];
      rule(
        previous !== undefined,
        DecisionRules.NOT_VOTED,
        `${actor.personId} has not voted on decision ${decision.decisionId}; cast a vote first`,
        'actor',
      );
      rule(
        previous.choice !== choice,
        DecisionRules.SAME_CHOICE,
        `the vote is already ${asInSchema(choice)}`,
        'choice',
      );
      requireChoice(decision.method, choice, reason);
      return [
        {
          type: 'VoteChanged.v1',
          data: {
            ...ids,
            personId: actor.personId,
            partnerId: actor.partnerId,
            previousChoice: previous.choice,
            choice,
            reason,
            changedAt: now,
          },
        },
      ];
    }
    case 'CloseDecision': {
      requireOpen(decision);
      requireMemberActor(command.initiative, actor);
      const votingMembers = votingMembersAt(command.roster, now).length;
      return [
        {
          type: 'DecisionClosed.v1',
          data: { ...ids, ...computeOutcome(decision, votingMembers), closedAt: now },
        },
      ];
    }
    case 'SupersedeDecision': {
      const { byDecisionId } = command.data;
      const { by } = command;
      requireMemberActor(command.initiative, actor);
      rule(
        decision.status === 'adopted',
        DecisionRules.NOT_ADOPTED,
        `decision ${decision.decisionId} is ${decision.status}; only an adopted decision is superseded`,
        'decisionId',
      );
      rule(
        decision.supersededBy === null,
        DecisionRules.ALREADY_SUPERSEDED,
        `decision ${decision.decisionId} was already superseded by ${decision.supersededBy ?? ''}`,
        'decisionId',
      );
      rule(
        byDecisionId !== decision.decisionId,
        DecisionRules.SUPERSEDES_ITSELF,
        'a decision cannot supersede itself',
        'byDecisionId',
      );
      rule(
        by.status !== 'absent' && by.initiativeId === decision.initiativeId,
        DecisionRules.SUPERSEDING_NOT_FOUND,
        `decision ${byDecisionId} does not exist in this initiative`,
        'byDecisionId',
      );
      rule(
        by.status === 'adopted',
        DecisionRules.SUPERSEDING_NOT_ADOPTED,
        `decision ${byDecisionId} is ${by.status}; only an adopted decision supersedes another`,
        'byDecisionId',
      );
      requireOccurredNotBefore(now, {
        what: `decision ${byDecisionId} was proposed`,
        at: by.proposedAt,
      });
      return [{ type: 'DecisionSuperseded.v1', data: { ...ids, byDecisionId, supersededAt: now } }];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const decisionDecider: Decider<DecisionCommand, DecisionState, DecisionEvent> = {
  decide: decideDecision,
  evolve: evolveDecision,
  initialState: initialDecisionState,
};
