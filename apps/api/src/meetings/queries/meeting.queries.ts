import { MeetingsReader } from '@accord/projections';
import { Decision } from '../../decisions/decision.model';
import { DecisionQueries } from '../../decisions/queries/decision.queries';
import { PageArgs, toPageRequest } from '../../graphql/pagination';
import { byId, fieldResolvers, queriesOf, readerQueries } from '../../graphql/resolver-table';
import { Initiative } from '../../initiatives/initiative.model';
import { Meeting, MeetingConnection, MeetingsArgs } from '../meeting.model';

export class MeetingQueries extends readerQueries(MeetingsReader, 'meeting') {}

export const MeetingResolver = queriesOf([MeetingQueries], {
  meeting: byId(Meeting, 'One meeting; NOT_FOUND if there is none with this id.'),
  meetings: {
    type: () => MeetingConnection,
    description: 'Meetings of an initiative, in recorded order.',
    args: MeetingsArgs,
    resolve: ({ initiativeId, ...page }, _, { reader }) =>
      reader.list(initiativeId, toPageRequest(page)),
  },
});

export const MeetingDecisionsResolver = fieldResolvers(Meeting, [DecisionQueries], {
  decisions: {
    type: () => [Decision],
    description: 'Decisions proposed at this meeting or linked to it.',
    resolve: ({ decisionIds }, _, decisions) => decisions.byIds(decisionIds),
  },
});

export const DecisionMeetingsResolver = fieldResolvers(Decision, [MeetingQueries], {
  meetings: {
    type: () => [Meeting],
    description: 'The meetings where this decision was proposed or to which it was linked.',
    resolve: ({ decisionId }, _, { reader }) => reader.forDecision(decisionId),
  },
});

export const InitiativeMeetingsResolver = fieldResolvers(Initiative, [MeetingQueries], {
  meetings: {
    type: () => MeetingConnection,
    description: 'Meetings of this initiative.',
    args: PageArgs,
    resolve: ({ initiativeId }, page, { reader }) => reader.list(initiativeId, toPageRequest(page)),
  },
});
