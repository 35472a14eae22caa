import { meetingDecider } from '@accord/domain';
import { inInitiativeOf, inNamedInitiative } from '../auth/subject';
import { commandsOf } from '../ledger/command-table';
import { meetingStream } from '../ledger/streams';

const meeting = commandsOf(meetingDecider, (data: { meetingId: string }) =>
  meetingStream(data.meetingId),
);

export const MEETING_COMMANDS = [
  meeting('HoldMeeting', inNamedInitiative),
  meeting('LinkDecisionToMeeting', {
    subject: (state) => inInitiativeOf(state),
    needs: async (streams, data, state) => ({
      decision: await streams.decision(data.decisionId),
      initiative: await streams.initiativeOf(state),
    }),
  }),
];
