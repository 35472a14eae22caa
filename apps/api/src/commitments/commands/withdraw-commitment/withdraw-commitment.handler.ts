import { commitmentDecider, type WithdrawCommitment } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { commitmentStream } from '../../../ledger/streams';

export class WithdrawCommitmentCommand extends Command<Receipt> {
  constructor(
    readonly data: WithdrawCommitment['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(WithdrawCommitmentCommand)
export class WithdrawCommitmentHandler implements ICommandHandler<WithdrawCommitmentCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: WithdrawCommitmentCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'WithdrawCommitment',
      stream: commitmentStream(data.commitmentId),
      decider: commitmentDecider,
      envelope,
      subject: (state) => inInitiativeOf(state, (commitment) => commitment.partnerId),
      decide: (state) =>
        commitmentDecider.decide(
          { type: 'WithdrawCommitment', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
