import * as inputs from './benefit-pools.inputs';
import { BenefitPoolPayload } from './benefit-pool.model';
import { BenefitPoolQueries } from './queries/benefit-pool.queries';
import { deriveEntityId } from '../ledger/streams';
import { toMoney } from './money-input';
import { mutationsOf, mutationsResolver } from '../graphql/mutation-table';

const pool = mutationsOf(
  inputs,
  BenefitPoolPayload,
  BenefitPoolQueries,
  async (read, data: { poolId: string }) => ({ benefitPool: await read.byId(data.poolId) }),
);

export const BenefitPoolsMutations = mutationsResolver('BenefitPoolsMutations', [
  pool(
    'AllocateBenefitShares',
    'Allocate a pool among member partners for the first time; shares add to exactly 100 %.',
    (input) => {
      const shares = input.shares.map(({ partnerId, percent }) => ({ partnerId, percent }));
      return {
        poolId: input.poolId,
        shares,
      };
    },
  ),
  pool(
    'DefineBenefitPool',
    'Define a benefit the partners share: funding (with its amount), data access, attribution, other.',
    (input, envelope) => {
      const poolId = input.poolId ?? deriveEntityId(envelope.commandId, 'benefit-pool');
      const amount = input.amount ? toMoney(input.amount, 'amount') : null;
      const { initiativeId, name, kind, description } = input;
      return { poolId, initiativeId, name, kind, description, amount };
    },
  ),
  pool(
    'ReallocateBenefitShares',
    'Allocate a pool anew, with the reason; the earlier allocation stays in its history.',
    (input) => {
      const shares = input.shares.map(({ partnerId, percent }) => ({ partnerId, percent }));
      return {
        poolId: input.poolId,
        shares,
        reason: input.reason,
      };
    },
  ),
  pool(
    'RecordDistribution',
    'Record money paid out of a funding pool, partner by partner, following the allocation in force.',
    (input, envelope) => {
      const distributionId =
        input.distributionId ?? deriveEntityId(envelope.commandId, 'distribution');
      const amounts = input.amounts.map(({ partnerId, amount }, index) => ({
        partnerId,
        amount: toMoney(amount, `amounts[${index}].amount`),
      }));
      return { poolId: input.poolId, distributionId, amounts, note: input.note };
    },
  ),
]);
