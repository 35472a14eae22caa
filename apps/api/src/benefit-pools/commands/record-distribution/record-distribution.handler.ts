import { benefitPoolDecider, type RecordDistribution } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
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
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: RecordDistributionCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'RecordDistribution',
      stream: benefitPoolStream(data.poolId),
      decider: benefitPoolDecider,
      envelope,
      decide: (state) =>
        benefitPoolDecider.decide(
          { type: 'RecordDistribution', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
