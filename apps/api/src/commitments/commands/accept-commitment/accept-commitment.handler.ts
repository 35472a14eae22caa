import {
  commitmentDecider,
  fold,
  initialRosterState,
  type AcceptCommitment,
  rosterDecider,
  type RosterEvent,
} from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { asDomainEvents } from '../../../ledger/domain-events';
import { EVENT_STORE } from '../../../ledger/ledger.tokens';
import { type Receipt } from '../../../ledger/receipt.model';
import { commitmentStream, rosterStream } from '../../../ledger/streams';

export class AcceptCommitmentCommand extends Command<Receipt> {
  constructor(
    readonly data: AcceptCommitment['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(AcceptCommitmentCommand)
export class AcceptCommitmentHandler implements ICommandHandler<AcceptCommitmentCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: AcceptCommitmentCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'AcceptCommitment',
      stream: commitmentStream(data.commitmentId),
      decider: commitmentDecider,
      envelope,
      decide: async (state) => {
        // Who holds which role is judged on the roster of the commitment's own initiative.
        const roster =
          state.status === 'absent'
            ? initialRosterState()
            : fold(
                rosterDecider,
                asDomainEvents<RosterEvent>(
                  await this.store.readStream(rosterStream(state.initiativeId)),
                ),
              );
        return commitmentDecider.decide(
          {
            type: 'AcceptCommitment',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            roster,
          },
          state,
        );
      },
    });
  }
}
