import { benefitPoolDecider, type DefineBenefitPool } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiative } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { benefitPoolStream } from '../../../ledger/streams';

export class DefineBenefitPoolCommand extends Command<Receipt> {
  constructor(
    readonly data: DefineBenefitPool['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(DefineBenefitPoolCommand)
export class DefineBenefitPoolHandler implements ICommandHandler<DefineBenefitPoolCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: DefineBenefitPoolCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'DefineBenefitPool',
      stream: benefitPoolStream(data.poolId),
      decider: benefitPoolDecider,
      envelope,
      subject: () => inInitiative(data.initiativeId),
      decide: async (state) =>
        benefitPoolDecider.decide(
          {
            type: 'DefineBenefitPool',
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
