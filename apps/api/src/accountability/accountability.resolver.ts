import { type CommitmentBucket } from '@accord/projections';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommitmentConnection } from '../commitments/commitment.model';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { PageArgs, toPageRequest } from '../graphql/pagination';
import { ReadingTime } from '../ledger/reading-time';
import {
  Accountability,
  AccountabilityPartnersArgs,
  CommitmentsByStatus,
  PartnerAccountability,
  PartnerAccountabilityConnection,
  PartnerBenefitShareConnection,
  PartnerRiskConnection,
} from './accountability.model';
import { AccountabilityQueries } from './accountability.queries';

@Resolver(() => Accountability)
export class AccountabilityResolver {
  constructor(
    private readonly queries: AccountabilityQueries,
    private readonly readingTime: ReadingTime,
  ) {}

  @Query(() => Accountability, {
    description:
      'For each partner: its commitments by status (overdue ones apart), the roles its people hold, what it bears and receives, and what it signed.',
  })
  accountability(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('on', {
      type: () => LocalDateScalar,
      nullable: true,
      description: 'The day to judge overdue commitments and roles by; today when omitted.',
    })
    on?: string,
  ): Promise<Accountability> {
    return this.queries.forInitiative(initiativeId, on ?? this.readingTime.today());
  }

  @ResolveField(() => PartnerAccountabilityConnection, {
    description: 'The partners, members and those who left, in the order they joined.',
  })
  partners(
    @Parent() view: Accountability,
    @Args() args: AccountabilityPartnersArgs,
  ): Promise<PartnerAccountabilityConnection> {
    return this.queries.partners(view, args);
  }
}

/**
 * What a partner bears and receives, a page at a time: the grid shows the first few and how many
 * in all, not every risk and pool of every partner of the page.
 */
@Resolver(() => PartnerAccountability)
export class AccountabilityPartnerResolver {
  @ResolveField(() => PartnerRiskConnection, {
    description: 'Risks it owns or shares, highest exposure first, a page at a time.',
  })
  risks(
    @Parent() partner: PartnerAccountability,
    @Args() args: PageArgs,
  ): Promise<PartnerRiskConnection> {
    return partner.risks.page(partner.partner.partnerId, toPageRequest(args));
  }

  @ResolveField(() => PartnerBenefitShareConnection, {
    description:
      'Pools where it holds a share now or received a distribution before, in the order defined, a page at a time.',
  })
  benefitShares(
    @Parent() partner: PartnerAccountability,
    @Args() args: PageArgs,
  ): Promise<PartnerBenefitShareConnection> {
    return partner.benefitShares.page(partner.partner.partnerId, toPageRequest(args));
  }
}

/** Each group of a partner's commitments, a page at a time (see CommitmentPages). */
@Resolver(() => CommitmentsByStatus)
export class AccountabilityCommitmentsResolver {
  private page(by: CommitmentsByStatus, bucket: CommitmentBucket, args: PageArgs) {
    return by.pages.page(by.partnerId, bucket, toPageRequest(args));
  }

  @ResolveField(() => CommitmentConnection, { description: 'Open and not yet due.' })
  onTrack(@Parent() by: CommitmentsByStatus, @Args() args: PageArgs) {
    return this.page(by, 'onTrack', args);
  }

  @ResolveField(() => CommitmentConnection, { description: 'Open and past their due date.' })
  overdue(@Parent() by: CommitmentsByStatus, @Args() args: PageArgs) {
    return this.page(by, 'overdue', args);
  }

  @ResolveField(() => CommitmentConnection)
  fulfilled(@Parent() by: CommitmentsByStatus, @Args() args: PageArgs) {
    return this.page(by, 'fulfilled', args);
  }

  @ResolveField(() => CommitmentConnection)
  withdrawn(@Parent() by: CommitmentsByStatus, @Args() args: PageArgs) {
    return this.page(by, 'withdrawn', args);
  }

  @ResolveField(() => CommitmentConnection, {
    description: 'Recorded as missed by the backbone.',
  })
  missed(@Parent() by: CommitmentsByStatus, @Args() args: PageArgs) {
    return this.page(by, 'missed', args);
  }
}
