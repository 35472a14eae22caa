import { type AmendAgenda, initiativeDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiative } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { initiativeStream } from '../../../ledger/streams';

export class AmendAgendaCommand extends Command<Receipt> {
  constructor(
    readonly data: AmendAgenda['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(AmendAgendaCommand)
export class AmendAgendaHandler implements ICommandHandler<AmendAgendaCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: AmendAgendaCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'AmendAgenda',
      stream: initiativeStream(data.initiativeId),
      decider: initiativeDecider,
      envelope,
      subject: () => inInitiative(data.initiativeId),
      decide: (state) =>
        initiativeDecider.decide(
          { type: 'AmendAgenda', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
