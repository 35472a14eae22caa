import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Initiative } from '../../initiatives/initiative.model';
import {
  Decision,
  DecisionConnection,
  DecisionsArgs,
  InitiativeDecisionsArgs,
} from '../decision.model';
import { DecisionQueries } from './decision.queries';
import { fieldResolvers } from '../../graphql/field-resolver';
import { clean } from '../../graphql/pagination';

function listDecisions(
  queries: DecisionQueries,
  initiativeId: string,
  args: InitiativeDecisionsArgs,
): Promise<DecisionConnection> {
  const { status, reviewDue } = args;
  return queries.list({ initiativeId, ...clean({ status, reviewDue }) }, args);
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

export const InitiativeDecisionsResolver = fieldResolvers(Initiative, DecisionQueries, {
  decisions: {
    type: () => DecisionConnection,
    description: 'Decisions of this initiative in the order proposed, by status or review due.',
    args: InitiativeDecisionsArgs,
    resolve: ({ initiativeId }, args, queries) => listDecisions(queries, initiativeId, args),
  },
});
