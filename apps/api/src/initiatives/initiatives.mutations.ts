import * as inputs from './initiatives.inputs';
import { InitiativePayload } from './initiative.model';
import { InitiativeQueries } from './queries/initiative.queries';
import { toDomainRules } from './governance-rules.model';
import { entityMutationsOf, mutationsResolver } from '../graphql/mutation-table';

const initiative = entityMutationsOf(inputs, InitiativePayload, InitiativeQueries, 'initiative');

export const InitiativesMutations = mutationsResolver('InitiativesMutations', [
  initiative('AmendAgenda', 'Replace the common agenda; the earlier one stays in the history.'),
  initiative('JoinInitiative', 'A partner organisation joins the initiative.'),
  initiative(
    'LaunchInitiative',
    'Launch an initiative with its problem statement and common agenda.',
    // Rules not given are left out, not null: the launch then records none.
    ({ governanceRules }, _, { governanceRules: _absent, ...own }) => ({
      ...own,
      ...(governanceRules ? { governanceRules: toDomainRules(governanceRules) } : {}),
    }),
  ),
  initiative('LeaveInitiative', 'A partner leaves; its history and commitments stay.'),
]);
