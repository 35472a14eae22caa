import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Decision, DecisionConnection, DecisionsArgs } from '../decision.model';
import { DecisionQueries } from './decision.queries';

@Resolver(() => Decision)
export class DecisionResolver {
  constructor(private readonly queries: DecisionQueries) {}

  @Query(() => Decision, { description: 'One decision; NOT_FOUND if there is none with this id.' })
  decision(@Args('id', { type: () => ID }) id: string): Promise<Decision> {
    return this.queries.byId(id);
  }

  @Query(() => DecisionConnection, {
    description: 'Decisions of an initiative in the order proposed, by status or review due.',
  })
  decisions(@Args() args: DecisionsArgs): Promise<DecisionConnection> {
    const { initiativeId, status, reviewDue, first, after } = args;
    return this.queries.list(
      {
        initiativeId,
        ...(status !== undefined && status !== null ? { status } : {}),
        ...(reviewDue !== undefined && reviewDue !== null ? { reviewDue } : {}),
      },
      { first, after },
    );
  }
}
