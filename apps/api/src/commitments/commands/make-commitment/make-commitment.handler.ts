import { commitmentDecider, type MakeCommitment } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiative } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { commitmentStream } from '../../../ledger/streams';

export class MakeCommitmentCommand extends Command<Receipt> {
  constructor(
    readonly data: MakeCommitment['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(MakeCommitmentCommand)
export class MakeCommitmentHandler implements ICommandHandler<MakeCommitmentCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: MakeCommitmentCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'MakeCommitment',
      stream: commitmentStream(data.commitmentId),
      decider: commitmentDecider,
      envelope,
      subject: () => inInitiative(data.initiativeId, data.partnerId),
      decide: async (state) => {
        const initiative = await this.streams.initiative(data.initiativeId);
        return commitmentDecider.decide(
          {
            type: 'MakeCommitment',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            initiative,
          },
          state,
        );
      },
    });
  }
}
