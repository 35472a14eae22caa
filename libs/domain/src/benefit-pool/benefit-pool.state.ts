import type { Money } from '../shared/money';
import type { PartnerShare } from '../shared/shares';
import type { BenefitPoolEvent, BenefitPoolKind } from './benefit-pool.events';

export type BenefitPoolState =
  | { status: 'absent' }
  | {
      status: 'defined';
      poolId: string;
      initiativeId: string;
      /** Business time the pool was defined: nothing on it may be dated before. */
      definedAt: string;
      kind: BenefitPoolKind;
      amount: Money | null;
      /** The allocation in force; null until shares are first allocated. */
      shares: readonly PartnerShare[] | null;
      /** Minor units distributed so far, as a decimal string. */
      distributedMinor: string;
      distributionIds: readonly string[];
    };

export const initialBenefitPoolState = (): BenefitPoolState => ({ status: 'absent' });

export function evolveBenefitPool(
  state: BenefitPoolState,
  event: BenefitPoolEvent,
): BenefitPoolState {
  const { type, data } = event;
  switch (type) {
    case 'BenefitPoolDefined.v1':
      return {
        status: 'defined',
        poolId: data.poolId,
        initiativeId: data.initiativeId,
        definedAt: data.definedAt,
        kind: data.kind,
        amount: data.amount,
        shares: null,
        distributedMinor: '0',
        distributionIds: [],
      };
    case 'BenefitSharesAllocated.v1':
    case 'BenefitSharesReallocated.v1':
      return state.status === 'absent' ? state : { ...state, shares: data.shares };
    case 'DistributionRecorded.v1':
      return state.status === 'absent'
        ? state
        : {
            ...state,
            distributedMinor: (
              BigInt(state.distributedMinor) + BigInt(data.total.amountMinor)
            ).toString(),
            distributionIds: [...state.distributionIds, data.distributionId],
          };
    default: {
      const _exhaustive: never = type;
      return state;
    }
  }
}
