import { commitmentDecider, type LinkCommitment } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { commitmentStream } from '../../../ledger/streams';

export class LinkCommitmentCommand extends Command<Receipt> {
  constructor(
    readonly data: LinkCommitment['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(LinkCommitmentCommand)
export class LinkCommitmentHandler implements ICommandHandler<LinkCommitmentCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: LinkCommitmentCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'LinkCommitment',
      stream: commitmentStream(data.commitmentId),
      decider: commitmentDecider,
      envelope,
      subject: (state) => inInitiativeOf(state, (commitment) => commitment.partnerId),
      decide: async (state) => {
        const indicator = await this.streams.indicator(data.indicatorId);
        const decision = await this.streams.decisionReference(data.decisionId);
        return commitmentDecider.decide(
          {
            type: 'LinkCommitment',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            indicator,
            decision,
          },
          state,
        );
      },
    });
  }
}
