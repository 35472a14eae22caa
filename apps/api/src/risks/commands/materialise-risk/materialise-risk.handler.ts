import { type MaterialiseRisk, riskDecider } from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { EVENT_STORE } from '../../../ledger/ledger.tokens';
import { type Receipt } from '../../../ledger/receipt.model';
import { riskStream } from '../../../ledger/streams';
import { readInitiative } from '../../partner-share';

export class MaterialiseRiskCommand extends Command<Receipt> {
  constructor(
    readonly data: MaterialiseRisk['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(MaterialiseRiskCommand)
export class MaterialiseRiskHandler implements ICommandHandler<MaterialiseRiskCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: MaterialiseRiskCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'MaterialiseRisk',
      stream: riskStream(data.riskId),
      decider: riskDecider,
      envelope,
      decide: async (state) =>
        riskDecider.decide(
          {
            type: 'MaterialiseRisk',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            // The risk's own initiative: the actor must act for a member partner.
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
