import {
  agreementDecider,
  type DraftAgreement,
  fold,
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
import { agreementStream, initiativeStream } from '../../../ledger/streams';

export class DraftAgreementCommand extends Command<Receipt> {
  constructor(
    readonly data: DraftAgreement['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(DraftAgreementCommand)
export class DraftAgreementHandler implements ICommandHandler<DraftAgreementCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: DraftAgreementCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'DraftAgreement',
      stream: agreementStream(data.agreementId),
      decider: agreementDecider,
      envelope,
      decide: async (state) => {
        const initiativeEvents = await this.store.readStream(initiativeStream(data.initiativeId));
        const initiative = fold(
          initiativeDecider,
          asDomainEvents<InitiativeEvent>(initiativeEvents),
        );
        return agreementDecider.decide(
          {
            type: 'DraftAgreement',
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
