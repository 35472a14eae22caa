import { DomainError, rosterDecider, RosterRules } from '@accord/domain';
import { Injectable } from '@nestjs/common';
import { CommandExecutor } from '../ledger/command-executor';
import { FoldedStreams } from '../ledger/folded-streams';
import { type Receipt } from '../ledger/receipt.model';
import { deriveEntityId, rosterStream } from '../ledger/streams';

/** What seating an initiative's launcher did. */
export type SeatOutcome = 'seated' | 'already seated' | 'has a roster';

/**
 * Seats an initiative's launcher as its backbone staff, in its roster stream. Who is seated, and
 * from when, is read from the recorded launch; the seat's command id derives from the launch's,
 * so seating twice writes once.
 */
@Injectable()
export class LauncherSeat {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  async seat(initiativeId: string, correlationId: string): Promise<Receipt> {
    const launch = await this.streams.launchOf(initiativeId);
    if (!launch) throw new Error(`initiative ${initiativeId} was launched but cannot be read`);
    const initiative = await this.streams.initiative(initiativeId);
    const { actor, occurredAt } = launch;
    // Assignment ids are unique across initiatives (the roster read model keys on them).
    const assignmentId = deriveEntityId(launch.commandId, 'launcher-assignment');
    return this.executor.execute({
      commandType: 'SeatLauncher',
      stream: rosterStream(initiativeId),
      decider: rosterDecider,
      envelope: {
        commandId: deriveEntityId(launch.commandId, 'launcher-seat'),
        correlationId,
        actor,
        occurredAt,
      },
      subject: () => null,
      decide: (roster) =>
        rosterDecider.decide(
          {
            type: 'SeatLauncher',
            actor,
            now: occurredAt,
            data: { initiativeId, assignmentId },
            initiative,
          },
          roster,
        ),
    });
  }

  /**
   * For a ledger begun before launching seated the launcher: seats it where the roster is still
   * empty, and leaves alone an initiative whose roster already has assignments.
   */
  async backfill(initiativeId: string, correlationId: string): Promise<SeatOutcome> {
    try {
      const receipt = await this.seat(initiativeId, correlationId);
      return receipt.duplicate ? 'already seated' : 'seated';
    } catch (error) {
      if (error instanceof DomainError && error.code === RosterRules.LAUNCHER_ALREADY_SEATED)
        return 'has a roster';
      throw error;
    }
  }
}
