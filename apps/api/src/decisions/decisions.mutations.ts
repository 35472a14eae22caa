import * as inputs from './decisions.inputs';
import { InitiativePayload } from '../initiatives/initiative.model';
import { InitiativeQueries } from '../initiatives/queries/initiative.queries';
import { DecisionPayload } from './decision.model';
import { DecisionQueries } from './queries/decision.queries';
import { toDomainRules } from '../initiatives/governance-rules.model';
import { entityMutationsOf, mutationsResolver } from '../graphql/mutation-table';

const decision = entityMutationsOf(inputs, DecisionPayload, DecisionQueries, 'decision');
const initiative = entityMutationsOf(inputs, InitiativePayload, InitiativeQueries, 'initiative');

export const DecisionsMutations = mutationsResolver('DecisionsMutations', [
  initiative(
    'ApplyGovernanceRules',
    'Put in force the governance rules an adopted decision proposed; each decision applies once.',
  ),
  decision('CastVote', 'The acting voting member votes, once; change a vote with changeVote.'),
  decision(
    'ChangeVote',
    'The acting voting member changes their vote, saying why; the earlier choice stays in the history.',
  ),
  decision(
    'CloseDecision',
    'Close the vote: the outcome is computed from the method, the quorum and the counted votes.',
  ),
  decision(
    'DeclareConflictOfInterest',
    'The acting voting member declares a conflict of interest: they are recused, and a vote they cast stops counting.',
  ),
  decision(
    'ProposeDecision',
    'Put a motion to the voting members; the method, quorum and supermajority in force are kept with it.',
    (input, _, own) => ({
      ...own,
      proposedRules: input.proposedRules ? toDomainRules(input.proposedRules) : null,
    }),
  ),
  decision('SupersedeDecision', 'Record that a later adopted decision supersedes an adopted one.'),
]);
