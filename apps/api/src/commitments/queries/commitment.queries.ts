import {
  CommitmentsRegisterReader,
  type CommitmentFilter as ReaderFilter,
  mapPage,
  type Page,
} from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { Initiative, Partner } from '../../initiatives/initiative.model';
import { type PageArgs, clean, toPageRequest } from '../../graphql/pagination';
import { byId, fieldResolvers, queriesOf } from '../../graphql/resolver-table';
import { ReadingTime } from '../../ledger/reading-time';
import { found, NotFoundError } from '../../ledger/ledger.errors';
import { Visibility } from '../../visibility/visibility';
import {
  Commitment,
  CommitmentConnection,
  CommitmentRevision,
  CommitmentsArgs,
  PartnerCommitmentsArgs,
  toCommitment,
} from '../commitment.model';

@Injectable()
export class CommitmentQueries {
  constructor(
    readonly reader: CommitmentsRegisterReader,
    private readonly readingTime: ReadingTime,
  ) {}

  async byId(commitmentId: string): Promise<Commitment> {
    const view = await found('commitment', commitmentId, this.reader.get(commitmentId));
    return toCommitment(view, this.readingTime.today());
  }

  async list(filter: Omit<ReaderFilter, 'today'>, page: PageArgs): Promise<Page<Commitment>> {
    const today = this.readingTime.today();
    const result = await this.reader.list({ ...filter, today }, toPageRequest(page));
    return mapPage(result, (view) => toCommitment(view, today));
  }
}

export const CommitmentResolver = queriesOf([CommitmentQueries, Visibility], {
  commitment: byId(Commitment, 'One commitment; NOT_FOUND if there is none with this id.'),
  commitments: {
    type: () => CommitmentConnection,
    description:
      'Who committed to what, by when, and whether it was delivered: in the initiatives you are a member or observer of.',
    args: CommitmentsArgs,
    resolve: async ({ filter, ...page }, context, queries, visibility) => {
      const viewer = visibility.viewerOf(context);
      const initiativeId = filter?.initiativeId;
      if (initiativeId != null && !(await viewer.isMember(initiativeId)))
        throw new NotFoundError('initiative', initiativeId);
      const initiativeIds = initiativeId == null ? await viewer.visibleInitiatives() : undefined;
      return queries.list({ ...clean(filter), ...(initiativeIds ? { initiativeIds } : {}) }, page);
    },
  },
});

export const CommitmentRevisionsResolver = fieldResolvers(Commitment, [CommitmentQueries], {
  revisions: {
    type: () => [CommitmentRevision],
    description: 'Every revision of due date or scope, oldest first, with the previous values.',
    resolve: ({ commitmentId }, _, { reader }) => reader.revisions(commitmentId),
  },
});

export const PartnerCommitmentsResolver = fieldResolvers(Partner, [CommitmentQueries], {
  commitments: {
    type: () => CommitmentConnection,
    description: "This partner's commitments in this initiative.",
    args: PartnerCommitmentsArgs,
    resolve: ({ initiativeId, partnerId }, { first, after, ...filter }, queries) =>
      queries.list({ ...clean(filter), initiativeId, partnerId }, { first, after }),
  },
});

export const InitiativeCommitmentsResolver = fieldResolvers(Initiative, [CommitmentQueries], {
  commitments: {
    type: () => CommitmentConnection,
    description: 'Every commitment made in this initiative.',
    args: PartnerCommitmentsArgs,
    resolve: ({ initiativeId }, { first, after, ...filter }, queries) =>
      queries.list({ ...clean(filter), initiativeId }, { first, after }),
  },
});
