import { commitmentDecider, type FulfilCommitment } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { commitmentStream } from '../../../ledger/streams';

export class FulfilCommitmentCommand extends Command<Receipt> {
  constructor(
    readonly data: FulfilCommitment['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(FulfilCommitmentCommand)
export class FulfilCommitmentHandler implements ICommandHandler<FulfilCommitmentCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: FulfilCommitmentCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'FulfilCommitment',
      stream: commitmentStream(data.commitmentId),
      decider: commitmentDecider,
      envelope,
      subject: (state) => inInitiativeOf(state, (commitment) => commitment.partnerId),
      decide: (state) =>
        commitmentDecider.decide(
          { type: 'FulfilCommitment', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
