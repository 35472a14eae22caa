import * as inputs from './meetings.inputs';
import { MeetingPayload } from './meeting.model';
import { MeetingQueries } from './queries/meeting.queries';
import { entityMutationsOf, mutationsResolver } from '../graphql/mutation-table';

const meeting = entityMutationsOf(inputs, MeetingPayload, MeetingQueries, 'meeting');

export const MeetingsMutations = mutationsResolver('MeetingsMutations', [
  meeting(
    'HoldMeeting',
    'Record a meeting that was held: attendees, agenda and minutes.',
    (input, _, own) => ({
      ...own,
      heldAt: new Date(input.heldAt).toISOString(),
      attendees: input.attendees.map(({ personId, partnerId }) => ({ personId, partnerId })),
    }),
    (input) => ({ heldAt: input.heldAt }),
  ),
  meeting('LinkDecisionToMeeting', 'Link a decision to the meeting that took it.'),
]);
