import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AccordContext } from '../../graphql/accord-context';
import { NotFoundError } from '../../ledger/ledger.errors';
import { Visibility } from '../../visibility/visibility';
import { Initiative, Partner } from '../../initiatives/initiative.model';
import {
  Commitment,
  CommitmentConnection,
  CommitmentRevision,
  CommitmentsArgs,
  PartnerCommitmentsArgs,
} from '../commitment.model';
import { CommitmentQueries } from './commitment.queries';
import { fieldResolvers } from '../../graphql/field-resolver';
import { clean } from '../../graphql/pagination';

@Resolver(() => Commitment)
export class CommitmentResolver {
  constructor(
    private readonly queries: CommitmentQueries,
    private readonly visibility: Visibility,
  ) {}

  @Query(() => Commitment, {
    description: 'One commitment; NOT_FOUND if there is none with this id.',
  })
  commitment(@Args('id', { type: () => ID }) id: string): Promise<Commitment> {
    return this.queries.byId(id);
  }

  @Query(() => CommitmentConnection, {
    description:
      'Who committed to what, by when, and whether it was delivered: in the initiatives you are a member or observer of.',
  })
  async commitments(
    @Args() args: CommitmentsArgs,
    @Context() context: AccordContext,
  ): Promise<CommitmentConnection> {
    const { filter } = args;
    const viewer = this.visibility.viewerOf(context);
    const initiativeId = filter?.initiativeId;
    if (initiativeId != null && !(await viewer.isMember(initiativeId)))
      throw new NotFoundError('initiative', initiativeId);
    const initiativeIds = initiativeId == null ? await viewer.visibleInitiatives() : undefined;
    return this.queries.list(
      { ...clean(filter), ...(initiativeIds ? { initiativeIds } : {}) },
      args,
    );
  }

  @ResolveField(() => [CommitmentRevision], {
    description: 'Every revision of due date or scope, oldest first, with the previous values.',
  })
  revisions(@Parent() commitment: Commitment): Promise<CommitmentRevision[]> {
    return this.queries.revisions(commitment.commitmentId);
  }
}

export const PartnerCommitmentsResolver = fieldResolvers(Partner, CommitmentQueries, {
  commitments: {
    type: () => CommitmentConnection,
    description: "This partner's commitments in this initiative.",
    args: PartnerCommitmentsArgs,
    resolve: ({ initiativeId, partnerId }, { first, after, ...filter }, queries) =>
      queries.list({ ...clean(filter), initiativeId, partnerId }, { first, after }),
  },
});

export const InitiativeCommitmentsResolver = fieldResolvers(Initiative, CommitmentQueries, {
  commitments: {
    type: () => CommitmentConnection,
    description: 'Every commitment made in this initiative.',
    args: PartnerCommitmentsArgs,
    resolve: ({ initiativeId }, { first, after, ...filter }, queries) =>
      queries.list({ ...clean(filter), initiativeId }, { first, after }),
  },
});
