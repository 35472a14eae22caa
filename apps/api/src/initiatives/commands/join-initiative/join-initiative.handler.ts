import { initiativeDecider, type JoinInitiative } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiative } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { initiativeStream } from '../../../ledger/streams';

export class JoinInitiativeCommand extends Command<Receipt> {
  constructor(
    readonly data: JoinInitiative['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(JoinInitiativeCommand)
export class JoinInitiativeHandler implements ICommandHandler<JoinInitiativeCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: JoinInitiativeCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'JoinInitiative',
      stream: initiativeStream(data.initiativeId),
      decider: initiativeDecider,
      envelope,
      subject: () => inInitiative(data.initiativeId),
      decide: (state) =>
        initiativeDecider.decide(
          { type: 'JoinInitiative', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
