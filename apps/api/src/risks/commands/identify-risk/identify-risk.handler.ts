import { type IdentifyRisk, riskDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiative } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { riskStream } from '../../../ledger/streams';

export class IdentifyRiskCommand extends Command<Receipt> {
  constructor(
    readonly data: IdentifyRisk['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(IdentifyRiskCommand)
export class IdentifyRiskHandler implements ICommandHandler<IdentifyRiskCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: IdentifyRiskCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'IdentifyRisk',
      stream: riskStream(data.riskId),
      decider: riskDecider,
      envelope,
      subject: () => inInitiative(data.initiativeId),
      decide: async (state) =>
        riskDecider.decide(
          {
            type: 'IdentifyRisk',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            initiative: await this.streams.initiative(data.initiativeId),
          },
          state,
        ),
    });
  }
}
