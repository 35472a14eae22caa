import {
  fold,
  indicatorDecider,
  initiativeDecider,
  type InitiativeEvent,
  initialInitiativeState,
  type RecordMeasurement,
} from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { asDomainEvents } from '../../../ledger/domain-events';
import { EVENT_STORE } from '../../../ledger/ledger.tokens';
import { type Receipt } from '../../../ledger/receipt.model';
import { indicatorStream, initiativeStream } from '../../../ledger/streams';

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
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: RecordMeasurementCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'RecordMeasurement',
      stream: indicatorStream(data.indicatorId),
      decider: indicatorDecider,
      envelope,
      decide: async (state) => {
        // The source partner is judged against the indicator's own initiative.
        const initiative =
          state.status === 'absent'
            ? initialInitiativeState()
            : fold(
                initiativeDecider,
                asDomainEvents<InitiativeEvent>(
                  await this.store.readStream(initiativeStream(state.initiativeId)),
                ),
              );
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
