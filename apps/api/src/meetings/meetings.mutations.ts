import * as inputs from './meetings.inputs';
import { deriveEntityId } from '../ledger/streams';
import { MeetingPayload } from './meeting.model';
import { MeetingQueries } from './queries/meeting.queries';
import { mutationsOf, mutationsResolver } from '../graphql/mutation-table';

const meeting = mutationsOf(
  inputs,
  MeetingPayload,
  MeetingQueries,
  async (read, data: { meetingId: string }) => ({ meeting: await read.byId(data.meetingId) }),
);

export const MeetingsMutations = mutationsResolver('MeetingsMutations', [
  meeting(
    'HoldMeeting',
    'Record a meeting that was held: attendees, agenda and minutes.',
    (input, envelope) => {
      const meetingId = input.meetingId ?? deriveEntityId(envelope.commandId, 'meeting');
      const { initiativeId, title, agenda, minutes } = input;
      return {
        meetingId,
        initiativeId,
        title,
        heldAt: new Date(input.heldAt).toISOString(),
        attendees: input.attendees.map(({ personId, partnerId }) => ({ personId, partnerId })),
        agenda,
        minutes,
      };
    },
    (input) => ({ heldAt: input.heldAt }),
  ),
  meeting('LinkDecisionToMeeting', 'Link a decision to the meeting that took it.'),
]);
