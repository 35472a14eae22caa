import { commitmentDecider, type AcceptCommitment } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { commitmentStream } from '../../../ledger/streams';

export class AcceptCommitmentCommand extends Command<Receipt> {
  constructor(
    readonly data: AcceptCommitment['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(AcceptCommitmentCommand)
export class AcceptCommitmentHandler implements ICommandHandler<AcceptCommitmentCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: AcceptCommitmentCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'AcceptCommitment',
      stream: commitmentStream(data.commitmentId),
      decider: commitmentDecider,
      envelope,
      subject: (state) => inInitiativeOf(state),
      decide: (state) =>
        commitmentDecider.decide(
          { type: 'AcceptCommitment', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
