import { benefitPoolDecider, type RecordDistribution } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { benefitPoolStream } from '../../../ledger/streams';

export class RecordDistributionCommand extends Command<Receipt> {
  constructor(
    readonly data: RecordDistribution['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(RecordDistributionCommand)
export class RecordDistributionHandler implements ICommandHandler<RecordDistributionCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: RecordDistributionCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'RecordDistribution',
      stream: benefitPoolStream(data.poolId),
      decider: benefitPoolDecider,
      envelope,
      subject: (state) => inInitiativeOf(state),
      decide: async (state) =>
        benefitPoolDecider.decide(
          {
            type: 'RecordDistribution',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            // The pool's own initiative: the actor must act for a member partner.
            initiative: await this.streams.initiativeOf(state),
          },
          state,
        ),
    });
  }
}
