import * as inputs from './benefit-pools.inputs';
import { BenefitPoolPayload } from './benefit-pool.model';
import { BenefitPoolQueries } from './queries/benefit-pool.queries';
import { toMoney } from './money-input';
import { plainShares } from '../risks/partner-share';
import { entityMutationsOf, mutationsResolver } from '../graphql/mutation-table';

const pool = entityMutationsOf(
  inputs,
  BenefitPoolPayload,
  BenefitPoolQueries,
  'benefitPool',
  'poolId',
);

export const BenefitPoolsMutations = mutationsResolver('BenefitPoolsMutations', [
  pool(
    'AllocateBenefitShares',
    'Allocate a pool among member partners for the first time; shares add to exactly 100 %.',
    ({ shares }, _, own) => ({ ...own, shares: plainShares(shares) }),
  ),
  pool(
    'DefineBenefitPool',
    'Define a benefit the partners share: funding (with its amount), data access, attribution, other.',
    (input, _, own) => ({
      ...own,
      amount: input.amount ? toMoney(input.amount, 'amount') : null,
    }),
  ),
  pool(
    'ReallocateBenefitShares',
    'Allocate a pool anew, with the reason; the earlier allocation stays in its history.',
    ({ shares }, _, own) => ({ ...own, shares: plainShares(shares) }),
  ),
  pool(
    'RecordDistribution',
    'Record money paid out of a funding pool, partner by partner, following the allocation in force.',
    (input, _, own) => ({
      ...own,
      amounts: input.amounts.map(({ partnerId, amount }, index) => ({
        partnerId,
        amount: toMoney(amount, `amounts[${index}].amount`),
      })),
    }),
  ),
]);
