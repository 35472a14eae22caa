import { connectionOf } from '../graphql/pagination';
import { IdField } from '../graphql/fields';
import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { BenefitPool, type BenefitPoolHistoryField } from '../benefit-pools/benefit-pool.model';
import { Risk } from '../risks/risk.model';
import { PartnerAgreements } from '../agreements/agreement.model';
import { Money } from '../commitments/commitment.model';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { PageArgs } from '../graphql/pagination';
import { Partner } from '../initiatives/initiative.model';
import { RoleAssignment } from '../roster/role-assignment.model';
import type { CommitmentPages } from './commitment-pages';
import type { Deferred } from './deferred';

/**
 * A partner's commitments, grouped by where they stand on the day. Each group is a page
 * (CommitmentConnection), resolved by AccountabilityCommitmentsResolver from `pages`.
 */
@ObjectType({
  description:
    "A partner's commitments, grouped by where they stand on the day; each group is paged, in the order made.",
})
export class CommitmentsByStatus {
  @Field(() => Int, { description: 'All its commitments, whatever they stand at.' })
  total!: number;

  /** Not in the schema: whose commitments these are. */
  partnerId!: string;

  /** Not in the schema: loads the groups of every partner on the page together. */
  pages!: CommitmentPages;
}

@ObjectType({ description: 'A risk a partner owns or shares.' })
export class PartnerRisk {
  /** Its history is read only when asked for. */
  @Field(() => Risk)
  risk!: Deferred<Risk, 'mitigations' | 'assessments'>;

  @Field({ description: "The partner is the risk's named owner." })
  owner!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Its share of the ownership, in percent ("33.34"); null when not shared.',
  })
  sharePercent!: string | null;
}

@ObjectType({ description: "A partner's share in a benefit pool, and what it received so far." })
export class PartnerBenefitShare {
  /** Its allocations and distributions are read only when asked for. */
  @Field(() => BenefitPool)
  pool!: Deferred<BenefitPool, BenefitPoolHistoryField>;

  @Field(() => String, {
    nullable: true,
    description: 'Its share in the current allocation, in percent; null when it has none now.',
  })
  sharePercent!: string | null;

  @Field(() => Money, { nullable: true, description: 'Distributed to it so far (funding pools).' })
  distributed!: Money | null;
}

@ObjectType({ description: 'What one partner promised, holds, bears, receives and signed.' })
export class PartnerAccountability {
  @Field(() => Partner)
  partner!: Partner;

  @Field(() => CommitmentsByStatus)
  commitments!: CommitmentsByStatus;

  @Field(() => [RoleAssignment], { description: "Roles the partner's people hold on the day." })
  roles!: RoleAssignment[];

  @Field(() => [PartnerRisk], { description: 'Risks it owns or shares, highest exposure first.' })
  risks!: PartnerRisk[];

  @Field(() => [PartnerBenefitShare])
  benefitShares!: PartnerBenefitShare[];

  @Field(() => PartnerAgreements, {
    description: 'Live agreements it signed in their current version, and those awaiting it.',
  })
  agreements!: PartnerAgreements;
}

export const PartnerAccountabilityConnection = connectionOf(
  PartnerAccountability,
  'PartnerAccountability',
);
export type PartnerAccountabilityConnection = InstanceType<typeof PartnerAccountabilityConnection>;

@ArgsType()
export class AccountabilityPartnersArgs extends PageArgs {
  @IdField({ nullable: true, description: 'Only this partner.' })
  partnerId?: string;
}

@ObjectType({
  description: 'Who committed to what, by when, and whether it was delivered, partner by partner.',
})
export class Accountability {
  @Field(() => ID)
  initiativeId!: string;

  @Field(() => LocalDateScalar, {
    description: 'The day against which overdue and roles are judged.',
  })
  on!: string;
}
