import { indicatorDecider, type RecordMeasurement } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { indicatorStream } from '../../../ledger/streams';

export class RecordMeasurementCommand extends Command<Receipt> {
  constructor(
    readonly data: RecordMeasurement['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(RecordMeasurementCommand)
export class RecordMeasurementHandler implements ICommandHandler<RecordMeasurementCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: RecordMeasurementCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'RecordMeasurement',
      stream: indicatorStream(data.indicatorId),
      decider: indicatorDecider,
      envelope,
      subject: (state) => inInitiativeOf(state, (indicator) => indicator.stewardPartnerId),
      decide: async (state) => {
        // The source partner is judged against the indicator's own initiative.
        const initiative = await this.streams.initiativeOf(state);
        return indicatorDecider.decide(
          {
            type: 'RecordMeasurement',
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
