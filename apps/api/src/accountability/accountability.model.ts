import { entityId, optional } from '../graphql/input-type';
import { connectionOf, pageArgsOf } from '../graphql/pagination';
import { basisPointsToPercent } from '@accord/domain';
import type { PartnerBenefitShareView, PartnerRiskView } from '@accord/projections';
import { ArgsType, ObjectType } from '@nestjs/graphql';
import { BenefitPool, type BenefitPoolHistoryField } from '../benefit-pools/benefit-pool.model';
import { Risk } from '../risks/risk.model';
import { PartnerAgreements } from '../agreements/agreement.model';
import { Money } from '../commitments/commitment.model';
import { Partner } from '../initiatives/initiative.model';
import { RoleAssignment } from '../roster/role-assignment.model';
import type { CommitmentPages } from './commitment-pages';
import type { Deferred } from './deferred';
import type { PartnerPages } from './partner-pages';
import * as t from '../graphql/object-type';

/** A partner's share, in percent; null when it has none. */
const percentOf = ({ basisPoints }: { basisPoints: number | null }) =>
  basisPoints === null ? null : basisPointsToPercent(basisPoints);

/**
 * A partner's commitments, grouped by where they stand on the day. Each group is a page
 * (CommitmentConnection), resolved by AccountabilityCommitmentsResolver from `pages`.
 */
@ObjectType({
  description:
    "A partner's commitments, grouped by where they stand on the day; each group is paged, in the order made.",
})
export class CommitmentsByStatus extends t.fieldsOf()({
  total: t.int('All its commitments, whatever they stand at.'),
  /** Not in the schema: whose commitments these are. */
  partnerId: t.hidden<string>(),
  /** Not in the schema: loads the groups of every partner on the page together. */
  pages: t.hidden<CommitmentPages>(),
}) {}

@ObjectType({ description: 'A risk a partner owns or shares.' })
export class PartnerRisk extends t.fieldsOf<Omit<PartnerRiskView, 'risk'>>()({
  /** Its history is read only when asked for. */
  risk: t.of<Deferred<Risk, 'mitigations' | 'assessments'>>(Risk),
  owner: t.bool("The partner is the risk's named owner."),
  basisPoints: t.hidden(),
  sharePercent: t.computed(
    t.nullable(t.text('Its share of the ownership, in percent ("33.34"); null when not shared.')),
    percentOf,
  ),
}) {}

@ObjectType({ description: "A partner's share in a benefit pool, and what it received so far." })
export class PartnerBenefitShare extends t.fieldsOf<Omit<PartnerBenefitShareView, 'pool'>>()({
  /** Its allocations and distributions are read only when asked for. */
  pool: t.of<Deferred<BenefitPool, BenefitPoolHistoryField>>(BenefitPool),
  basisPoints: t.hidden(),
  sharePercent: t.computed(
    t.nullable(
      t.text('Its share in the current allocation, in percent; null when it has none now.'),
    ),
    percentOf,
  ),
  distributed: t.nullable(Money, 'Distributed to it so far (funding pools).'),
}) {}

@ObjectType({ description: 'What one partner promised, holds, bears, receives and signed.' })
export class PartnerAccountability extends t.fieldsOf()({
  partner: t.of(Partner),
  commitments: t.of(CommitmentsByStatus),
  roles: t.list(RoleAssignment, "Roles the partner's people hold on the day."),
  /** Not in the schema: loads the risks of every partner of the page, a page of each. */
  risks: t.hidden<PartnerPages<PartnerRisk>>(),
  /** Not in the schema: loads the benefit shares of every partner of the page, a page of each. */
  benefitShares: t.hidden<PartnerPages<PartnerBenefitShare>>(),
  agreements: t.of(
    PartnerAgreements,
    'Live agreements it signed in their current version, and those awaiting it.',
  ),
}) {}

export const PartnerRiskConnection = connectionOf(PartnerRisk);

export const PartnerBenefitShareConnection = connectionOf(PartnerBenefitShare);

export const PartnerAccountabilityConnection = connectionOf(PartnerAccountability);

@ArgsType()
export class AccountabilityPartnersArgs extends pageArgsOf({
  partnerId: optional(entityId('Only this partner.')),
}) {}

@ObjectType({
  description: 'Who committed to what, by when, and whether it was delivered, partner by partner.',
})
export class Accountability extends t.fieldsOf()({
  initiativeId: t.id(),
  on: t.localDate('The day against which overdue and roles are judged.'),
}) {}
