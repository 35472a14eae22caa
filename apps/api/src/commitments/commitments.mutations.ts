import * as inputs from './commitments.inputs';
import { CommitmentPayload } from './commitment.model';
import { CommitmentQueries } from './queries/commitment.queries';
import { toMoney } from '../benefit-pools/money-input';
import { entityMutationsOf, mutationsResolver } from '../graphql/mutation-table';

const commitment = entityMutationsOf(inputs, CommitmentPayload, CommitmentQueries, 'commitment');

export const CommitmentsMutations = mutationsResolver('CommitmentsMutations', [
  commitment(
    'AcceptCommitment',
    'A steering member in office accepts an open commitment for the initiative, once.',
  ),
  commitment('FulfilCommitment', 'Record that a commitment was delivered.'),
  commitment(
    'LinkCommitment',
    'Link a commitment to the indicator it serves and/or the decision that asked for it.',
  ),
  commitment(
    'MakeCommitment',
    'A partner commits to do something, with resources, by a due date.',
    ({ resources }, _, own) => ({
      ...own,
      resources: {
        money: resources?.money ? toMoney(resources.money, 'resources.money') : null,
        inKind: resources?.inKind ?? null,
        hours: resources?.hours ?? null,
      },
    }),
  ),
  commitment(
    'MissCommitment',
    'Backbone staff record that an open commitment was missed, once past its due date.',
  ),
  commitment('ReportProgress', 'Report progress on an open commitment, with evidence.'),
  commitment(
    'ReviseCommitment',
    "The partner's people change the due date and/or scope of an open commitment, with a reason.",
  ),
  commitment('WithdrawCommitment', 'Withdraw an open commitment, with the reason.'),
]);
