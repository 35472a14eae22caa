import { commitmentDecider, type MissCommitment } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { commitmentStream } from '../../../ledger/streams';

export class MissCommitmentCommand extends Command<Receipt> {
  constructor(
    readonly data: MissCommitment['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(MissCommitmentCommand)
export class MissCommitmentHandler implements ICommandHandler<MissCommitmentCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: MissCommitmentCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'MissCommitment',
      stream: commitmentStream(data.commitmentId),
      decider: commitmentDecider,
      envelope,
      subject: (state) => inInitiativeOf(state),
      decide: (state) =>
        commitmentDecider.decide(
          { type: 'MissCommitment', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
