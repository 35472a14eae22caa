import { benefitPoolDecider, type BenefitPoolState } from '@accord/domain';
import { inInitiativeOf, inNamedInitiative } from '../auth/subject';
import { commandsOf } from '../ledger/command-table';
import { type FoldedStreams } from '../ledger/folded-streams';
import { benefitPoolStream } from '../ledger/streams';

const pool = commandsOf(benefitPoolDecider, (data: { poolId: string }) =>
  benefitPoolStream(data.poolId),
);
/** In the pool's own initiative, whose partners must be members there. */
const inItsInitiative = {
  subject: (state: BenefitPoolState) => inInitiativeOf(state),
  needs: async (streams: FoldedStreams, _: unknown, state: BenefitPoolState) => ({
    initiative: await streams.initiativeOf(state),
  }),
};

export const BENEFIT_POOL_COMMANDS = [
  pool('DefineBenefitPool', inNamedInitiative),
  pool('AllocateBenefitShares', inItsInitiative),
  pool('ReallocateBenefitShares', inItsInitiative),
  pool('RecordDistribution', inItsInitiative),
];
