import { initiativeDecider, type LaunchInitiative } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { initiativeStream } from '../../../ledger/streams';

export class LaunchInitiativeCommand extends Command<Receipt> {
  constructor(
    readonly data: LaunchInitiative['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(LaunchInitiativeCommand)
export class LaunchInitiativeHandler implements ICommandHandler<LaunchInitiativeCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: LaunchInitiativeCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'LaunchInitiative',
      stream: initiativeStream(data.initiativeId),
      decider: initiativeDecider,
      envelope,
      decide: (state) =>
        initiativeDecider.decide(
          { type: 'LaunchInitiative', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
