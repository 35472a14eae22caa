import { initiativeDecider } from '@accord/domain';
import { inInitiative } from '../auth/subject';
import { commandsOf, type Run } from '../ledger/command-table';
import { type FoldedStreams } from '../ledger/folded-streams';
import { deriveEntityId, initiativeStream } from '../ledger/streams';

const initiative = commandsOf(initiativeDecider, (data: { initiativeId: string }) =>
  initiativeStream(data.initiativeId),
);

/**
 * Seating the launcher of an initiative as its backbone staff, in its roster stream. Who is
 * seated, and from when, is read from the recorded launch, never from a retrying request; the
 * seat's command id derives from the launch's, so a launch retried with its commandId completes
 * a seat that a crash left out, and seating twice writes once. Until the seat is written nobody
 * holds a role, so the initiative is closed to everyone, never open.
 */
export async function seatLauncher(
  streams: FoldedStreams,
  initiativeId: string,
  correlationId: string,
): Promise<Run> {
  const launch = await streams.launchOf(initiativeId);
  if (!launch) throw new Error(`initiative ${initiativeId} was launched but cannot be read`);
  // Assignment ids are unique across initiatives (the roster read model keys on them).
  const assignmentId = deriveEntityId(launch.commandId, 'launcher-assignment');
  return {
    type: 'SeatLauncher',
    data: { initiativeId, assignmentId },
    envelope: {
      commandId: deriveEntityId(launch.commandId, 'launcher-seat'),
      correlationId,
      actor: launch.actor,
      occurredAt: launch.occurredAt,
    },
  };
}

export const INITIATIVE_COMMANDS = [
  initiative('LaunchInitiative', {
    subject: () => null,
    then: (streams, data, envelope) =>
      seatLauncher(streams, data.initiativeId, envelope.correlationId),
  }),
  initiative('AmendAgenda', { subject: (_, data) => inInitiative(data.initiativeId) }),
  initiative('JoinInitiative', { subject: (_, data) => inInitiative(data.initiativeId) }),
  initiative('LeaveInitiative', {
    subject: (_, data) => inInitiative(data.initiativeId, data.partnerId),
  }),
];
