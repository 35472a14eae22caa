import {
  commitmentDecider,
  fold,
  initiativeDecider,
  type InitiativeEvent,
  type MakeCommitment,
} from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { asDomainEvents } from '../../../ledger/domain-events';
import { EVENT_STORE } from '../../../ledger/ledger.tokens';
import { type Receipt } from '../../../ledger/receipt.model';
import { commitmentStream, initiativeStream } from '../../../ledger/streams';

export class MakeCommitmentCommand extends Command<Receipt> {
  constructor(
    readonly data: MakeCommitment['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(MakeCommitmentCommand)
export class MakeCommitmentHandler implements ICommandHandler<MakeCommitmentCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: MakeCommitmentCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'MakeCommitment',
      stream: commitmentStream(data.commitmentId),
      decider: commitmentDecider,
      envelope,
      decide: async (state) => {
        const initiativeEvents = await this.store.readStream(initiativeStream(data.initiativeId));
        const initiative = fold(
          initiativeDecider,
          asDomainEvents<InitiativeEvent>(initiativeEvents),
        );
        return commitmentDecider.decide(
          {
            type: 'MakeCommitment',
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
