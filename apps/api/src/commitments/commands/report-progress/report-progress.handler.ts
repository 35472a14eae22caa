import { commitmentDecider, type ReportProgress } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { commitmentStream } from '../../../ledger/streams';

export class ReportProgressCommand extends Command<Receipt> {
  constructor(
    readonly data: ReportProgress['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ReportProgressCommand)
export class ReportProgressHandler implements ICommandHandler<ReportProgressCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: ReportProgressCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'ReportProgress',
      stream: commitmentStream(data.commitmentId),
      decider: commitmentDecider,
      envelope,
      subject: (state) => inInitiativeOf(state, (commitment) => commitment.partnerId),
      decide: (state) =>
        commitmentDecider.decide(
          { type: 'ReportProgress', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
