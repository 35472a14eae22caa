import { benefitPoolDecider, type DefineBenefitPool } from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { EVENT_STORE } from '../../../ledger/ledger.tokens';
import { type Receipt } from '../../../ledger/receipt.model';
import { benefitPoolStream } from '../../../ledger/streams';
import { readInitiative } from '../../../risks/partner-share';

export class DefineBenefitPoolCommand extends Command<Receipt> {
  constructor(
    readonly data: DefineBenefitPool['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(DefineBenefitPoolCommand)
export class DefineBenefitPoolHandler implements ICommandHandler<DefineBenefitPoolCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: DefineBenefitPoolCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'DefineBenefitPool',
      stream: benefitPoolStream(data.poolId),
      decider: benefitPoolDecider,
      envelope,
      decide: async (state) =>
        benefitPoolDecider.decide(
          {
            type: 'DefineBenefitPool',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            initiative: await readInitiative(this.store, data.initiativeId),
          },
          state,
        ),
    });
  }
}
