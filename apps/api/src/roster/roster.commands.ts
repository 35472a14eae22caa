import { rosterDecider } from '@accord/domain';
import { inInitiative } from '../auth/subject';
import { commandsOf } from '../ledger/command-table';
import { rosterStream } from '../ledger/streams';

const roster = commandsOf(rosterDecider, (data: { initiativeId: string }) =>
  rosterStream(data.initiativeId),
);
const inTheInitiative = {
  subject: (_: unknown, data: { initiativeId: string }) => inInitiative(data.initiativeId),
};

export const ROSTER_COMMANDS = [
  roster('AssignRole', {
    ...inTheInitiative,
    needs: async (streams, data) => ({ initiative: await streams.initiative(data.initiativeId) }),
  }),
  roster('RelinquishRole', inTheInitiative),
  roster('RevokeRole', inTheInitiative),
  // Run after a launch (see the initiatives' table), under the launch's permission.
  roster('SeatLauncher', {
    policy: 'LaunchInitiative',
    subject: () => null,
    needs: async (streams, data) => ({ initiative: await streams.initiative(data.initiativeId) }),
  }),
];
