import { type DefineIndicator, indicatorDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiative } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { indicatorStream } from '../../../ledger/streams';

export class DefineIndicatorCommand extends Command<Receipt> {
  constructor(
    readonly data: DefineIndicator['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(DefineIndicatorCommand)
export class DefineIndicatorHandler implements ICommandHandler<DefineIndicatorCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: DefineIndicatorCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'DefineIndicator',
      stream: indicatorStream(data.indicatorId),
      decider: indicatorDecider,
      envelope,
      subject: () => inInitiative(data.initiativeId),
      decide: async (state) => {
        const initiative = await this.streams.initiative(data.initiativeId);
        return indicatorDecider.decide(
          {
            type: 'DefineIndicator',
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
