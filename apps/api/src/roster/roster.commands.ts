import { rosterDecider } from '@accord/domain';
import { inNamedInitiative } from '../auth/subject';
import { commandsOf } from '../ledger/command-table';
import { rosterStream } from '../ledger/streams';

const roster = commandsOf(rosterDecider, (data: { initiativeId: string }) =>
  rosterStream(data.initiativeId),
);
const inTheInitiative = { subject: inNamedInitiative.subject };

export const ROSTER_COMMANDS = [
  roster('AssignRole', inNamedInitiative),
  roster('RelinquishRole', inTheInitiative),
  roster('RevokeRole', inTheInitiative),
  // Run after a launch (see the initiatives' table), under the launch's permission.
  roster('SeatLauncher', {
    policy: 'LaunchInitiative',
    subject: () => null,
    needs: async (streams, data) => ({ initiative: await streams.initiative(data.initiativeId) }),
  }),
];
