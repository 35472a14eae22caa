import {
  BENEFIT_POOL_KINDS,
  type BenefitPoolKind,
  formatMoney,
  type Money as DomainMoney,
  type PartnerAmount as DomainPartnerAmount,
} from '@accord/domain';
import type { BenefitPoolSummaryView, BenefitPoolView } from '@accord/projections';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Money } from '../commitments/commitment.model';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { Receipt, WITHHELD } from '../ledger/receipt.model';
import { PartnerSharePercent, toPercentShares } from '../risks/partner-share';

export const BenefitPoolKindEnum = Object.fromEntries(
  BENEFIT_POOL_KINDS.map((k) => [k.toUpperCase(), k]),
) as Record<Uppercase<BenefitPoolKind>, BenefitPoolKind>;
registerEnumType(BenefitPoolKindEnum, {
  name: 'BenefitPoolKind',
  description: 'What the partners share: funding, data access, attribution, or something else.',
});

@ObjectType({ description: 'An amount of money for one partner.' })
export class PartnerMoney {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => Money)
  amount!: Money;
}

@ObjectType({ description: 'One allocation of a pool; a reallocation adds a new one.' })
export class BenefitAllocation {
  @Field(() => Int, { description: "The pool's revision when it was allocated." })
  revision!: number;

  @Field(() => [PartnerSharePercent])
  shares!: PartnerSharePercent[];

  @Field(() => String, { nullable: true, description: 'Null for the first allocation.' })
  reason!: string | null;

  @Field(() => DateTimeScalar)
  allocatedAt!: string;

  @Field({ description: 'The allocation in force.' })
  current!: boolean;
}

@ObjectType({ description: 'Money paid out of a funding pool, partner by partner.' })
export class Distribution {
  @Field(() => ID)
  distributionId!: string;

  @Field(() => [PartnerMoney])
  amounts!: PartnerMoney[];

  @Field(() => Money)
  total!: Money;

  @Field()
  note!: string;

  @Field(() => DateTimeScalar)
  recordedAt!: string;
}

@ObjectType({ description: 'A benefit the partners share, its allocation and what was paid out.' })
export class BenefitPool {
  @Field(() => ID)
  poolId!: string;

  @Field(() => ID)
  initiativeId!: string;

  @Field()
  name!: string;

  @Field(() => BenefitPoolKindEnum)
  kind!: BenefitPoolKind;

  @Field()
  description!: string;

  @Field(() => Money, { nullable: true, description: 'Funding pools only.' })
  amount!: Money | null;

  @Field(() => [PartnerSharePercent], {
    description: 'The allocation in force; empty until the pool is allocated.',
  })
  allocation!: PartnerSharePercent[];

  @Field(() => [BenefitAllocation], { description: 'Every allocation, oldest first.' })
  allocationHistory!: BenefitAllocation[];

  @Field(() => [Distribution])
  distributions!: Distribution[];

  @Field(() => [PartnerMoney], {
    description: 'Funding pools: what each partner received so far.',
  })
  distributedByPartner!: PartnerMoney[];

  @Field(() => Money, { nullable: true, description: 'Funding pools: paid out so far.' })
  distributed!: Money | null;

  @Field(() => Money, { nullable: true, description: 'Funding pools: not yet paid out.' })
  remaining!: Money | null;

  @Field(() => Int)
  revision!: number;
}

export const toMoneyModel = (money: DomainMoney): Money => ({
  ...money,
  amount: formatMoney(money),
});
const toMoneyOrNull = (money: DomainMoney | null): Money | null => money && toMoneyModel(money);
const toPartnerMoney = (paid: readonly DomainPartnerAmount[]): PartnerMoney[] =>
  paid.map(({ partnerId, amount }) => ({ partnerId, amount: toMoneyModel(amount) }));

/** The fields of a BenefitPool that come from its allocations and distributions. */
export type BenefitPoolHistoryField =
  | 'allocation'
  | 'allocationHistory'
  | 'distributions'
  | 'distributedByPartner'
  | 'distributed'
  | 'remaining';

/** A BenefitPool without them: what a view listing many pools gives at first. */
export type BenefitPoolSummary = Omit<BenefitPool, BenefitPoolHistoryField>;

export const toBenefitPoolSummary = (view: BenefitPoolSummaryView): BenefitPoolSummary => ({
  poolId: view.poolId,
  initiativeId: view.initiativeId,
  name: view.name,
  kind: view.kind,
  description: view.description,
  amount: toMoneyOrNull(view.amount),
  revision: view.revision,
});

export function toBenefitPool(view: BenefitPoolView): BenefitPool {
  return {
    ...view,
    amount: toMoneyOrNull(view.amount),
    allocation: toPercentShares(view.allocation),
    allocationHistory: view.allocationHistory.map((a) => ({
      ...a,
      shares: toPercentShares(a.shares),
    })),
    distributions: view.distributions.map((d) => ({
      ...d,
      amounts: toPartnerMoney(d.amounts),
      total: toMoneyModel(d.total),
    })),
    distributedByPartner: toPartnerMoney(view.distributedByPartner),
    distributed: toMoneyOrNull(view.distributed),
    remaining: toMoneyOrNull(view.remaining),
  };
}

@ObjectType()
export class BenefitPoolPayload {
  @Field(() => Receipt)
  receipt!: Receipt;

  @Field(() => BenefitPool, { nullable: true, description: WITHHELD })
  benefitPool!: BenefitPool | null;
}
