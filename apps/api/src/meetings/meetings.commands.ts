import { meetingDecider } from '@accord/domain';
import { inInitiative, inInitiativeOf } from '../auth/subject';
import { commandsOf } from '../ledger/command-table';
import { meetingStream } from '../ledger/streams';

const meeting = commandsOf(meetingDecider, (data: { meetingId: string }) =>
  meetingStream(data.meetingId),
);

export const MEETING_COMMANDS = [
  meeting('HoldMeeting', {
    subject: (_, data) => inInitiative(data.initiativeId),
    needs: async (streams, data) => ({ initiative: await streams.initiative(data.initiativeId) }),
  }),
  meeting('LinkDecisionToMeeting', {
    subject: (state) => inInitiativeOf(state),
    needs: async (streams, data, state) => ({
      decision: await streams.decision(data.decisionId),
      initiative: await streams.initiativeOf(state),
    }),
  }),
];
