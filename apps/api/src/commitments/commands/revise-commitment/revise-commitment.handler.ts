import { commitmentDecider, type ReviseCommitment } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { commitmentStream } from '../../../ledger/streams';

export class ReviseCommitmentCommand extends Command<Receipt> {
  constructor(
    readonly data: ReviseCommitment['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ReviseCommitmentCommand)
export class ReviseCommitmentHandler implements ICommandHandler<ReviseCommitmentCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: ReviseCommitmentCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'ReviseCommitment',
      stream: commitmentStream(data.commitmentId),
      decider: commitmentDecider,
      envelope,
      subject: (state) => inInitiativeOf(state, (commitment) => commitment.partnerId),
      decide: (state) =>
        commitmentDecider.decide(
          { type: 'ReviseCommitment', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
