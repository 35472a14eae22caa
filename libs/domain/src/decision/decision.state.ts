import type { DecisionMethod, GovernanceRules } from '../governance/governance-rules';
import type { RulesDecision } from '../initiative/initiative.decider';
import type { Fraction } from '../shared/fraction';
import type { DecisionEvent, VoteChoice } from './decision.events';

export type DecisionStatus = 'open' | 'adopted' | 'rejected';

export interface Ballot {
  partnerId: string;
  choice: VoteChoice;
  reason: string | null;
}

export type DecisionState =
  | { status: 'absent' }
  | {
      status: DecisionStatus;
      decisionId: string;
      initiativeId: string;
      /** Business time of the proposal: no recusal, vote or close may be dated before it. */
      proposedAt: string;
      method: DecisionMethod;
      quorum: Fraction;
      supermajority: Fraction;
      meetingId: string | null;
      proposedRules: GovernanceRules | null;
      /** The latest choice of each person who voted, by person id. */
      votes: Readonly<Record<string, Ballot>>;
      /** Recused persons and why, by person id. */
      recused: Readonly<Record<string, string>>;
      supersededBy: string | null;
    };

export const initialDecisionState = (): DecisionState => ({ status: 'absent' });

export function evolveDecision(state: DecisionState, event: DecisionEvent): DecisionState {
  const { type, data } = event;
  if (type === 'DecisionProposed.v1') {
    return {
      status: 'open',
      decisionId: data.decisionId,
      initiativeId: data.initiativeId,
      proposedAt: data.proposedAt,
      method: data.method,
      quorum: data.quorum,
      supermajority: data.supermajority,
      meetingId: data.meetingId,
      proposedRules: data.proposedRules,
      votes: {},
      recused: {},
      supersededBy: null,
    };
  }
  if (state.status === 'absent') return state;
  switch (type) {
    case 'ConflictOfInterestDeclared.v1':
      return { ...state, recused: { ...state.recused, [data.personId]: data.reason } };
    case 'VoteCast.v1':
    case 'VoteChanged.v1':
      return {
        ...state,
        votes: {
          ...state.votes,
          [data.personId]: { partnerId: data.partnerId, choice: data.choice, reason: data.reason },
        },
      };
    case 'DecisionClosed.v1':
      return { ...state, status: data.outcome };
    case 'DecisionSuperseded.v1':
      return { ...state, supersededBy: data.byDecisionId };
    default: {
      const _exhaustive: never = type;
      return state;
    }
  }
}

/** What the initiative needs to know to apply the rules a decision adopted. */
export function toRulesDecision(state: DecisionState, decisionId: string): RulesDecision {
  if (state.status === 'absent') {
    return { decisionId, initiativeId: '', outcome: 'absent', proposedRules: null };
  }
  return {
    decisionId,
    initiativeId: state.initiativeId,
    outcome: state.supersededBy !== null ? 'superseded' : state.status,
    proposedRules: state.proposedRules,
  };
}
