import { type IdentifyRisk, riskDecider } from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { EVENT_STORE } from '../../../ledger/ledger.tokens';
import { type Receipt } from '../../../ledger/receipt.model';
import { riskStream } from '../../../ledger/streams';
import { readInitiative } from '../../partner-share';

export class IdentifyRiskCommand extends Command<Receipt> {
  constructor(
    readonly data: IdentifyRisk['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(IdentifyRiskCommand)
export class IdentifyRiskHandler implements ICommandHandler<IdentifyRiskCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: IdentifyRiskCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'IdentifyRisk',
      stream: riskStream(data.riskId),
      decider: riskDecider,
      envelope,
      decide: async (state) =>
        riskDecider.decide(
          {
            type: 'IdentifyRisk',
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
