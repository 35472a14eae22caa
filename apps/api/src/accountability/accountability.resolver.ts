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
import { fieldResolvers } from '../graphql/field-resolver';

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
export const AccountabilityPartnerResolver = fieldResolvers(PartnerAccountability, null, {
  risks: {
    type: () => PartnerRiskConnection,
    description: 'Risks it owns or shares, highest exposure first, a page at a time.',
    args: PageArgs,
    resolve: (partner, args) => partner.risks.page(partner.partner.partnerId, toPageRequest(args)),
  },
  benefitShares: {
    type: () => PartnerBenefitShareConnection,
    description:
      'Pools where it holds a share now or received a distribution before, in the order defined, a page at a time.',
    args: PageArgs,
    resolve: (partner, args) =>
      partner.benefitShares.page(partner.partner.partnerId, toPageRequest(args)),
  },
});

/** Each group of a partner's commitments, a page at a time (see CommitmentPages). */
const bucket = (bucket: CommitmentBucket, description?: string) => ({
  type: () => CommitmentConnection,
  description,
  args: PageArgs,
  resolve: (by: CommitmentsByStatus, args: PageArgs) =>
    by.pages.page(by.partnerId, bucket, toPageRequest(args)),
});

export const AccountabilityCommitmentsResolver = fieldResolvers(CommitmentsByStatus, null, {
  onTrack: bucket('onTrack', 'Open and not yet due.'),
  overdue: bucket('overdue', 'Open and past their due date.'),
  fulfilled: bucket('fulfilled'),
  withdrawn: bucket('withdrawn'),
  missed: bucket('missed', 'Recorded as missed by the backbone.'),
});
