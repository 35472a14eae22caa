import {
  type DefineIndicator,
  fold,
  indicatorDecider,
  initiativeDecider,
  type InitiativeEvent,
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
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: DefineIndicatorCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'DefineIndicator',
      stream: indicatorStream(data.indicatorId),
      decider: indicatorDecider,
      envelope,
      decide: async (state) => {
        const initiative = fold(
          initiativeDecider,
          asDomainEvents<InitiativeEvent>(
            await this.store.readStream(initiativeStream(data.initiativeId)),
          ),
        );
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
