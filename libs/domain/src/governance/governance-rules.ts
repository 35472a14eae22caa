import { type Fraction, requireFraction } from '../shared/fraction';

export const DECISION_METHODS = [
  'consensus',
  'consent',
  'simple_majority',
  'supermajority',
] as const;
export type DecisionMethod = (typeof DECISION_METHODS)[number];

/** How an initiative decides: the quorum, the default method and the supermajority threshold. */
export interface GovernanceRules {
  /** Share of the voting members in office who must take part (vote, abstentions included). */
  quorum: Fraction;
  defaultMethod: DecisionMethod;
  /** Share of the votes for and against that must be for, under the supermajority method. */
  supermajority: Fraction;
}

/** The rules an initiative has until it adopts others. */
export const DEFAULT_GOVERNANCE_RULES: GovernanceRules = {
  quorum: { numerator: 1, denominator: 2 },
  defaultMethod: 'simple_majority',
  supermajority: { numerator: 2, denominator: 3 },
};

export function requireGovernanceRules(rules: GovernanceRules, field: string): GovernanceRules {
  requireFraction(rules.quorum, `${field}.quorum`);
  requireFraction(rules.supermajority, `${field}.supermajority`);
  return rules;
}
