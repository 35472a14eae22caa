import { BENEFIT_POOL_KINDS, type PartnerAmount } from '@accord/domain';
import type { AllocationView, BenefitPoolView, DistributionView } from '@accord/projections';
import { ArgsType, ObjectType } from '@nestjs/graphql';
import { entityId } from '../graphql/input-type';
import { connectionOf, pageArgsOf } from '../graphql/pagination';
import { Money } from '../commitments/commitment.model';
import { payloadOf } from '../ledger/receipt.model';
import { PartnerSharePercent } from '../risks/partner-share';
import {
  bool,
  dateTime,
  enumOf,
  enumFrom,
  fieldsOf,
  id,
  int,
  list,
  nullable,
  of,
  text,
} from '../graphql/object-type';

export const BenefitPoolKindEnum = enumFrom(
  BENEFIT_POOL_KINDS,
  'BenefitPoolKind',
  'What the partners share: funding, data access, attribution, or something else.',
);

@ObjectType({ description: 'An amount of money for one partner.' })
export class PartnerMoney extends fieldsOf<PartnerAmount>()({
  partnerId: id(),
  amount: of(Money),
}) {}

@ObjectType({ description: 'One allocation of a pool; a reallocation adds a new one.' })
export class BenefitAllocation extends fieldsOf<AllocationView>()({
  revision: int("The pool's revision when it was allocated."),
  shares: list(PartnerSharePercent),
  reason: nullable(text('Null for the first allocation.')),
  allocatedAt: dateTime(),
  current: bool('The allocation in force.'),
}) {}

@ObjectType({ description: 'Money paid out of a funding pool, partner by partner.' })
export class Distribution extends fieldsOf<DistributionView>()({
  distributionId: id(),
  amounts: list(PartnerMoney),
  total: of(Money),
  note: text(),
  recordedAt: dateTime(),
}) {}

@ObjectType({ description: 'A benefit the partners share, its allocation and what was paid out.' })
export class BenefitPool extends fieldsOf<BenefitPoolView>()({
  poolId: id(),
  initiativeId: id(),
  name: text(),
  kind: enumOf(BenefitPoolKindEnum),
  description: text(),
  amount: nullable(Money, 'Funding pools only.'),
  allocation: list(
    PartnerSharePercent,
    'The allocation in force; empty until the pool is allocated.',
  ),
  allocationHistory: list(BenefitAllocation, 'Every allocation, oldest first.'),
  distributions: list(Distribution),
  distributedByPartner: list(PartnerMoney, 'Funding pools: what each partner received so far.'),
  distributed: nullable(Money, 'Funding pools: paid out so far.'),
  remaining: nullable(Money, 'Funding pools: not yet paid out.'),
  revision: int(),
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
