import { type CommitmentBucket } from '@accord/projections';
import { ArgsType } from '@nestjs/graphql';
import { anyId, field, inputOf, optional } from '../graphql/input-type';
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
import { fieldResolvers, queriesOf } from '../graphql/resolver-table';

@ArgsType()
class AccountabilityArgs extends inputOf(
  {
    initiativeId: anyId(),
    on: optional(
      field<string>(
        () => LocalDateScalar,
        'The day to judge overdue commitments and roles by; today when omitted.',
      ),
    ),
  },
  true,
) {}

export const AccountabilityResolver = queriesOf([AccountabilityQueries, ReadingTime], {
  accountability: {
    type: () => Accountability,
    description:
      'For each partner: its commitments by status (overdue ones apart), the roles its people hold, what it bears and receives, and what it signed.',
    args: AccountabilityArgs,
    resolve: ({ initiativeId, on }, _, queries, readingTime) =>
      queries.forInitiative(initiativeId, on ?? readingTime.today()),
  },
});

export const AccountabilityPartnersResolver = fieldResolvers(
  Accountability,
  [AccountabilityQueries],
  {
    partners: {
      type: () => PartnerAccountabilityConnection,
      description: 'The partners, members and those who left, in the order they joined.',
      args: AccountabilityPartnersArgs,
      resolve: (view, args, queries) => queries.partners(view, args),
    },
  },
);

/**
 * What a partner bears and receives, a page at a time: the grid shows the first few and how many
 * in all, not every risk and pool of every partner of the page.
 */
export const AccountabilityPartnerResolver = fieldResolvers(PartnerAccountability, [], {
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

export const AccountabilityCommitmentsResolver = fieldResolvers(CommitmentsByStatus, [], {
  onTrack: bucket('onTrack', 'Open and not yet due.'),
  overdue: bucket('overdue', 'Open and past their due date.'),
  fulfilled: bucket('fulfilled'),
  withdrawn: bucket('withdrawn'),
  missed: bucket('missed', 'Recorded as missed by the backbone.'),
});
