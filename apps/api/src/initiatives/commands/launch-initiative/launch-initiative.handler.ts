import { initiativeDecider, type LaunchInitiative } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { initiativeStream } from '../../../ledger/streams';
import { LauncherSeat } from '../../launcher-seat';

export class LaunchInitiativeCommand extends Command<Receipt> {
  constructor(
    readonly data: LaunchInitiative['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/**
 * Launches the initiative, then seats the launcher as its backbone staff in the roster stream.
 * The two streams are two appends: the seat's command id is derived from the launch's, so a
 * launch retried with its commandId completes a seat that a crash left out, and who is seated,
 * and from when, is read from the recorded launch, never from the retrying request. Until the
 * seat is written nobody holds a role, so the initiative is closed to everyone, never open.
 */
@CommandHandler(LaunchInitiativeCommand)
export class LaunchInitiativeHandler implements ICommandHandler<LaunchInitiativeCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly launcherSeat: LauncherSeat,
  ) {}

  async execute({ data, envelope }: LaunchInitiativeCommand): Promise<Receipt> {
    const receipt = await this.executor.execute({
      commandType: 'LaunchInitiative',
      stream: initiativeStream(data.initiativeId),
      decider: initiativeDecider,
      envelope,
      subject: () => null,
      decide: (state) =>
        initiativeDecider.decide(
          { type: 'LaunchInitiative', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
    await this.launcherSeat.seat(data.initiativeId, envelope.correlationId);
    return receipt;
  }
}
