import type { Money } from '../shared/money';
import type { PartnerShare } from '../shared/shares';

export const BENEFIT_POOL_KINDS = ['funding', 'data_access', 'attribution', 'other'] as const;
export type BenefitPoolKind = (typeof BENEFIT_POOL_KINDS)[number];

export interface PartnerAmount {
  partnerId: string;
  amount: Money;
}

export type BenefitPoolDefined = {
  type: 'BenefitPoolDefined.v1';
  data: {
    poolId: string;
    initiativeId: string;
    name: string;
    kind: BenefitPoolKind;
    description: string;
    /** The funding to share out; null for every kind but funding. */
    amount: Money | null;
    definedAt: string;
  };
};

export type BenefitSharesAllocated = {
  type: 'BenefitSharesAllocated.v1';
  data: { poolId: string; initiativeId: string; shares: PartnerShare[]; allocatedAt: string };
};

/** A new allocation; the one it replaces stays in the history. */
export type BenefitSharesReallocated = {
  type: 'BenefitSharesReallocated.v1';
  data: {
    poolId: string;
    initiativeId: string;
    shares: PartnerShare[];
    reason: string;
    reallocatedAt: string;
  };
};

export type DistributionRecorded = {
  type: 'DistributionRecorded.v1';
  data: {
    poolId: string;
    initiativeId: string;
    distributionId: string;
    amounts: PartnerAmount[];
    /** The sum of the amounts, in the pool's currency. */
    total: Money;
    note: string;
    recordedAt: string;
  };
};

export type BenefitPoolEvent =
  BenefitPoolDefined | BenefitSharesAllocated | BenefitSharesReallocated | DistributionRecorded;

export const BENEFIT_POOL_EVENT_TYPES: readonly BenefitPoolEvent['type'][] = [
  'BenefitPoolDefined.v1',
  'BenefitSharesAllocated.v1',
  'BenefitSharesReallocated.v1',
  'DistributionRecorded.v1',
];
