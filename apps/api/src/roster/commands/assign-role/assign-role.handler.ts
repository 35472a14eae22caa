import {
  type AssignRole,
  fold,
  initiativeDecider,
  type InitiativeEvent,
  rosterDecider,
} from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { asDomainEvents } from '../../../ledger/domain-events';
import { EVENT_STORE } from '../../../ledger/ledger.tokens';
import { type Receipt } from '../../../ledger/receipt.model';
import { initiativeStream, rosterStream } from '../../../ledger/streams';

export class AssignRoleCommand extends Command<Receipt> {
  constructor(
    readonly data: AssignRole['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(AssignRoleCommand)
export class AssignRoleHandler implements ICommandHandler<AssignRoleCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: AssignRoleCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'AssignRole',
      stream: rosterStream(data.initiativeId),
      decider: rosterDecider,
      envelope,
      decide: async (roster) => {
        const events = await this.store.readStream(initiativeStream(data.initiativeId));
        const initiative = fold(initiativeDecider, asDomainEvents<InitiativeEvent>(events));
        return rosterDecider.decide(
          { type: 'AssignRole', actor: envelope.actor, now: envelope.occurredAt, data, initiative },
          roster,
        );
      },
    });
  }
}
