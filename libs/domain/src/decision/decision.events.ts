import type { DecisionMethod, GovernanceRules } from '../governance/governance-rules';
import type { Fraction } from '../shared/fraction';

export const VOTE_CHOICES = ['for', 'against', 'abstain', 'block', 'objection'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** The choices each method offers: a block stops consensus, an objection stops consent. */
export const CHOICES_BY_METHOD: Readonly<Record<DecisionMethod, readonly VoteChoice[]>> = {
  consensus: ['for', 'abstain', 'block'],
  consent: ['for', 'abstain', 'objection'],
  simple_majority: ['for', 'against', 'abstain'],
  supermajority: ['for', 'against', 'abstain'],
};

/** Choices that are dissent, and so must say why when the method makes them decisive. */
export const CHOICES_NEEDING_REASON: ReadonlySet<VoteChoice> = new Set<VoteChoice>([
  'block',
  'objection',
]);

export type Tally = Record<VoteChoice, number>;

export interface QuorumCheck {
  /** Voting members in office when the decision closed. */
  votingMembers: number;
  /** Members who took part (abstentions included, recused members excluded). */
  participants: number;
  /** The fewest participants the quorum needed. */
  required: number;
  reached: boolean;
}

export type DecisionOutcome = 'adopted' | 'rejected';

export type DecisionProposed = {
  type: 'DecisionProposed.v1';
  data: {
    decisionId: string;
    initiativeId: string;
    title: string;
    motion: string;
    rationale: string;
    /** The method, quorum and supermajority in force when proposed: later rule changes leave it alone. */
    method: DecisionMethod;
    quorum: Fraction;
    supermajority: Fraction;
    meetingId: string | null;
    /** Calendar day, YYYY-MM-DD, on which the decision should be reviewed. */
    reviewDate: string | null;
    /** A motion to change the initiative's governance rules; null for any other motion. */
    proposedRules: GovernanceRules | null;
    proposedBy: { personId: string; partnerId: string };
    proposedAt: string;
  };
};

export type ConflictOfInterestDeclared = {
  type: 'ConflictOfInterestDeclared.v1';
  data: {
    decisionId: string;
    initiativeId: string;
    personId: string;
    partnerId: string;
    reason: string;
    declaredAt: string;
  };
};

export type VoteCast = {
  type: 'VoteCast.v1';
  data: {
    decisionId: string;
    initiativeId: string;
    personId: string;
    partnerId: string;
    choice: VoteChoice;
    reason: string | null;
    castAt: string;
  };
};

export type VoteChanged = {
  type: 'VoteChanged.v1';
  data: {
    decisionId: string;
    initiativeId: string;
    personId: string;
    partnerId: string;
    previousChoice: VoteChoice;
    choice: VoteChoice;
    reason: string;
    changedAt: string;
  };
};

export type DecisionClosed = {
  type: 'DecisionClosed.v1';
  data: {
    decisionId: string;
    initiativeId: string;
    /** Computed from the method, the quorum and the counted votes; never supplied. */
    outcome: DecisionOutcome;
    /** Why it was rejected, in words; null when adopted. */
    reason: string | null;
    tally: Tally;
    quorum: QuorumCheck;
    closedAt: string;
  };
};

export type DecisionSuperseded = {
  type: 'DecisionSuperseded.v1';
  data: {
    decisionId: string;
    initiativeId: string;
    byDecisionId: string;
    supersededAt: string;
  };
};

export type DecisionEvent =
  | DecisionProposed
  | ConflictOfInterestDeclared
  | VoteCast
  | VoteChanged
  | DecisionClosed
  | DecisionSuperseded;

export const DECISION_EVENT_TYPES: readonly DecisionEvent['type'][] = [
  'DecisionProposed.v1',
  'ConflictOfInterestDeclared.v1',
  'VoteCast.v1',
  'VoteChanged.v1',
  'DecisionClosed.v1',
  'DecisionSuperseded.v1',
];
