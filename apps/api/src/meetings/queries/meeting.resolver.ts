import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Decision } from '../../decisions/decision.model';
import { PageArgs } from '../../graphql/pagination';
import { Initiative } from '../../initiatives/initiative.model';
import { DecisionQueries } from '../../decisions/queries/decision.queries';
import { Meeting, MeetingConnection, MeetingsArgs } from '../meeting.model';
import { MeetingQueries } from './meeting.queries';
import { fieldResolvers } from '../../graphql/field-resolver';

@Resolver(() => Meeting)
export class MeetingResolver {
  constructor(
    private readonly queries: MeetingQueries,
    private readonly decisionQueries: DecisionQueries,
  ) {}

  @Query(() => Meeting, { description: 'One meeting; NOT_FOUND if there is none with this id.' })
  meeting(@Args('id', { type: () => ID }) id: string): Promise<Meeting> {
    return this.queries.byId(id);
  }

  @Query(() => MeetingConnection, { description: 'Meetings of an initiative, in recorded order.' })
  meetings(@Args() args: MeetingsArgs): Promise<MeetingConnection> {
    return this.queries.list(args.initiativeId, args);
  }

  @ResolveField(() => [Decision], {
    description: 'Decisions proposed at this meeting or linked to it.',
  })
  decisions(@Parent() meeting: Meeting): Promise<Decision[]> {
    return this.decisionQueries.byIds(meeting.decisionIds);
  }
}

export const DecisionMeetingsResolver = fieldResolvers(Decision, MeetingQueries, {
  meetings: {
    type: () => [Meeting],
    description: 'The meetings where this decision was proposed or to which it was linked.',
    resolve: ({ decisionId }, _, queries) => queries.forDecision(decisionId),
  },
});

export const InitiativeMeetingsResolver = fieldResolvers(Initiative, MeetingQueries, {
  meetings: {
    type: () => MeetingConnection,
    description: 'Meetings of this initiative.',
    args: PageArgs,
    resolve: ({ initiativeId }, page, queries) => queries.list(initiativeId, page),
  },
});
