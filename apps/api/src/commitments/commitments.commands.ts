import { commitmentDecider, type CommitmentState } from '@accord/domain';
import { inInitiative, inInitiativeOf } from '../auth/subject';
import { commandsOf } from '../ledger/command-table';
import { commitmentStream } from '../ledger/streams';

const commitment = commandsOf(commitmentDecider, (data: { commitmentId: string }) =>
  commitmentStream(data.commitmentId),
);
/** The commitment's own partner acts on it. */
const ofItsPartner = {
  subject: (state: CommitmentState) => inInitiativeOf(state, (c) => c.partnerId),
};

export const COMMITMENT_COMMANDS = [
  commitment('MakeCommitment', {
    subject: (_, data) => inInitiative(data.initiativeId, data.partnerId),
    needs: async (streams, data) => ({ initiative: await streams.initiative(data.initiativeId) }),
  }),
  commitment('ReportProgress', ofItsPartner),
  commitment('FulfilCommitment', ofItsPartner),
  commitment('WithdrawCommitment', ofItsPartner),
  commitment('ReviseCommitment', ofItsPartner),
  commitment('LinkCommitment', {
    ...ofItsPartner,
    needs: async (streams, data) => ({
      indicator: await streams.indicator(data.indicatorId),
      decision: await streams.decisionReference(data.decisionId),
    }),
  }),
  commitment('AcceptCommitment', { subject: (state) => inInitiativeOf(state) }),
  commitment('MissCommitment', { subject: (state) => inInitiativeOf(state) }),
];
