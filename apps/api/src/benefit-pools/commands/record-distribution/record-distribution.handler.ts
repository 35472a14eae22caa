import { benefitPoolDecider, type RecordDistribution } from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { EVENT_STORE } from '../../../ledger/ledger.tokens';
import { type Receipt } from '../../../ledger/receipt.model';
import { benefitPoolStream } from '../../../ledger/streams';
import { readInitiative } from '../../../risks/partner-share';

export class RecordDistributionCommand extends Command<Receipt> {
  constructor(
    readonly data: RecordDistribution['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(RecordDistributionCommand)
export class RecordDistributionHandler implements ICommandHandler<RecordDistributionCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: RecordDistributionCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'RecordDistribution',
      stream: benefitPoolStream(data.poolId),
      decider: benefitPoolDecider,
      envelope,
      decide: async (state) =>
        benefitPoolDecider.decide(
          {
            type: 'RecordDistribution',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            // The pool's own initiative: the actor must act for a member partner.
            initiative: await readInitiative(
              this.store,
              state.status === 'absent' ? undefined : state.initiativeId,
            ),
          },
          state,
        ),
    });
  }
}
