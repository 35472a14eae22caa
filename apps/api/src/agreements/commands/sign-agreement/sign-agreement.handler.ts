import {
  agreementDecider,
  fold,
  rosterDecider,
  type RosterEvent,
  type SignAgreement,
} from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { asDomainEvents } from '../../../ledger/domain-events';
import { EVENT_STORE } from '../../../ledger/ledger.tokens';
import { type Receipt } from '../../../ledger/receipt.model';
import { agreementStream, rosterStream } from '../../../ledger/streams';

export class SignAgreementCommand extends Command<Receipt> {
  constructor(
    readonly data: SignAgreement['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(SignAgreementCommand)
export class SignAgreementHandler implements ICommandHandler<SignAgreementCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: SignAgreementCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'SignAgreement',
      stream: agreementStream(data.agreementId),
      decider: agreementDecider,
      envelope,
      decide: async (state) => {
        // The roster of the agreement's own initiative; an unknown agreement is refused by the decider.
        const rosterEvents =
          state.status === 'absent'
            ? []
            : await this.store.readStream(rosterStream(state.initiativeId));
        const roster = fold(rosterDecider, asDomainEvents<RosterEvent>(rosterEvents));
        return agreementDecider.decide(
          { type: 'SignAgreement', actor: envelope.actor, now: envelope.occurredAt, data, roster },
          state,
        );
      },
    });
  }
}
