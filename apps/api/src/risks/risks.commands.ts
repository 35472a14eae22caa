import { riskDecider, type RiskState } from '@accord/domain';
import { inInitiativeOf, inNamedInitiative } from '../auth/subject';
import { commandsOf } from '../ledger/command-table';
import { type FoldedStreams } from '../ledger/folded-streams';
import { riskStream } from '../ledger/streams';

const risk = commandsOf(riskDecider, (data: { riskId: string }) => riskStream(data.riskId));
/** The risk's owner acts, in the risk's own initiative, whose partners must be members there. */
const ofItsOwner = {
  subject: (state: RiskState) => inInitiativeOf(state, (r) => r.ownerPartnerId),
  needs: async (streams: FoldedStreams, _: unknown, state: RiskState) => ({
    initiative: await streams.initiativeOf(state),
  }),
};

export const RISK_COMMANDS = [
  risk('IdentifyRisk', inNamedInitiative),
  risk('ReassessRisk', ofItsOwner),
  risk('ShareRiskOwnership', ofItsOwner),
  risk('MaterialiseRisk', ofItsOwner),
  risk('CloseRisk', ofItsOwner),
  risk('PlanMitigation', {
    ...ofItsOwner,
    needs: async (streams, data, state) => ({
      commitments: await streams.initiativesOfCommitments(data.commitmentIds),
      initiative: await streams.initiativeOf(state),
    }),
  }),
];
