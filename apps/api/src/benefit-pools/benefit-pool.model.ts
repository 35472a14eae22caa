import { BENEFIT_POOL_KINDS, type PartnerAmount } from '@accord/domain';
import type { AllocationView, BenefitPoolView, DistributionView } from '@accord/projections';
import { ArgsType, ObjectType } from '@nestjs/graphql';
import { entityId } from '../graphql/input-type';
import { connectionOf, pageArgsOf } from '../graphql/pagination';
import { Money } from '../commitments/commitment.model';
import { payloadOf } from '../ledger/receipt.model';
import { PartnerSharePercent } from '../risks/partner-share';
import * as t from '../graphql/object-type';

export const BenefitPoolKindEnum = t.enumFrom(
  BENEFIT_POOL_KINDS,
  'BenefitPoolKind',
  'What the partners share: funding, data access, attribution, or something else.',
);

@ObjectType({ description: 'An amount of money for one partner.' })
export class PartnerMoney extends t.fieldsOf<PartnerAmount>()({
  partnerId: t.id(),
  amount: t.of(Money),
}) {}

@ObjectType({ description: 'One allocation of a pool; a reallocation adds a new one.' })
export class BenefitAllocation extends t.fieldsOf<AllocationView>()({
  revision: t.int("The pool's revision when it was allocated."),
  shares: t.list(PartnerSharePercent),
  reason: t.nullable(t.text('Null for the first allocation.')),
  allocatedAt: t.dateTime(),
  current: t.bool('The allocation in force.'),
}) {}

@ObjectType({ description: 'Money paid out of a funding pool, partner by partner.' })
export class Distribution extends t.fieldsOf<DistributionView>()({
  distributionId: t.id(),
  amounts: t.list(PartnerMoney),
  total: t.of(Money),
  note: t.text(),
  recordedAt: t.dateTime(),
}) {}

@ObjectType({ description: 'A benefit the partners share, its allocation and what was paid out.' })
export class BenefitPool extends t.fieldsOf<BenefitPoolView>()({
  poolId: t.id(),
  initiativeId: t.id(),
  name: t.text(),
  kind: t.enumOf(BenefitPoolKindEnum),
  description: t.text(),
  amount: t.nullable(Money, 'Funding pools only.'),
  allocation: t.list(
    PartnerSharePercent,
    'The allocation in force; empty until the pool is allocated.',
  ),
  allocationHistory: t.list(BenefitAllocation, 'Every allocation, oldest first.'),
  distributions: t.list(Distribution),
  distributedByPartner: t.list(PartnerMoney, 'Funding pools: what each partner received so far.'),
  distributed: t.nullable(Money, 'Funding pools: paid out so far.'),
  remaining: t.nullable(Money, 'Funding pools: not yet paid out.'),
  revision: t.int(),
}) {}

export const BenefitPoolConnection = connectionOf(BenefitPool);

@ArgsType()
export class BenefitPoolsArgs extends pageArgsOf({ initiativeId: entityId() }) {}

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

@ObjectType()
export class BenefitPoolPayload extends payloadOf({ benefitPool: BenefitPool }) {}
