import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Initiative } from '../../initiatives/initiative.model';
import {
  Decision,
  DecisionConnection,
  DecisionsArgs,
  InitiativeDecisionsArgs,
} from '../decision.model';
import { DecisionQueries } from './decision.queries';

function listDecisions(
  queries: DecisionQueries,
  initiativeId: string,
  args: InitiativeDecisionsArgs,
): Promise<DecisionConnection> {
  const { status, reviewDue, first, after } = args;
  return queries.list(
    {
      initiativeId,
      ...(status !== undefined && status !== null ? { status } : {}),
      ...(reviewDue !== undefined && reviewDue !== null ? { reviewDue } : {}),
    },
    { first, after },
  );
}

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
    return listDecisions(this.queries, args.initiativeId, args);
  }
}

@Resolver(() => Initiative)
export class InitiativeDecisionsResolver {
  constructor(private readonly queries: DecisionQueries) {}

  @ResolveField(() => DecisionConnection, {
    description: 'Decisions of this initiative in the order proposed, by status or review due.',
  })
  decisions(
    @Parent() initiative: Initiative,
    @Args() args: InitiativeDecisionsArgs,
  ): Promise<DecisionConnection> {
    return listDecisions(this.queries, initiative.initiativeId, args);
  }
}
