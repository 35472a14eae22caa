import { type CorrectMeasurement, indicatorDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { indicatorStream } from '../../../ledger/streams';

export class CorrectMeasurementCommand extends Command<Receipt> {
  constructor(
    readonly data: CorrectMeasurement['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(CorrectMeasurementCommand)
export class CorrectMeasurementHandler implements ICommandHandler<CorrectMeasurementCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: CorrectMeasurementCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'CorrectMeasurement',
      stream: indicatorStream(data.indicatorId),
      decider: indicatorDecider,
      envelope,
      subject: (state) => inInitiativeOf(state, (indicator) => indicator.stewardPartnerId),
      decide: (state) =>
        indicatorDecider.decide(
          { type: 'CorrectMeasurement', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
