import { DomainError, RosterRules } from '@accord/domain';
import { Injectable } from '@nestjs/common';
import { FoldedStreams } from '../ledger/folded-streams';
import { Commands } from '../ledger/ledger-command';
import { seatLauncher } from './initiatives.commands';

export type SeatOutcome = 'seated' | 'already seated' | 'has a roster';

@Injectable()
export class LauncherSeat {
  constructor(
    private readonly commands: Commands,
    private readonly streams: FoldedStreams,
  ) {}

  /**
   * For a ledger begun before launching seated the launcher: seats it where the roster is still
   * empty, and leaves alone an initiative whose roster already has assignments.
   */
  async backfill(initiativeId: string, correlationId: string): Promise<SeatOutcome> {
    const seat = await seatLauncher(this.streams, initiativeId, correlationId);
    try {
      const receipt = await this.commands.run(seat.type, seat.data, seat.envelope);
      return receipt.duplicate ? 'already seated' : 'seated';
    } catch (error) {
      if (error instanceof DomainError && error.code === RosterRules.LAUNCHER_ALREADY_SEATED)
        return 'has a roster';
      throw error;
    }
  }
}
