import { initiativeDecider, type LeaveInitiative } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiative } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { initiativeStream } from '../../../ledger/streams';

export class LeaveInitiativeCommand extends Command<Receipt> {
  constructor(
    readonly data: LeaveInitiative['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(LeaveInitiativeCommand)
export class LeaveInitiativeHandler implements ICommandHandler<LeaveInitiativeCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: LeaveInitiativeCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'LeaveInitiative',
      stream: initiativeStream(data.initiativeId),
      decider: initiativeDecider,
      envelope,
      subject: () => inInitiative(data.initiativeId, data.partnerId),
      decide: (state) =>
        initiativeDecider.decide(
          { type: 'LeaveInitiative', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
