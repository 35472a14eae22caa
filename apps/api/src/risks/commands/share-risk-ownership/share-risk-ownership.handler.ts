import { riskDecider, type ShareRiskOwnership } from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { EVENT_STORE } from '../../../ledger/ledger.tokens';
import { type Receipt } from '../../../ledger/receipt.model';
import { riskStream } from '../../../ledger/streams';
import { readInitiative } from '../../partner-share';

export class ShareRiskOwnershipCommand extends Command<Receipt> {
  constructor(
    readonly data: ShareRiskOwnership['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ShareRiskOwnershipCommand)
export class ShareRiskOwnershipHandler implements ICommandHandler<ShareRiskOwnershipCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: ShareRiskOwnershipCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'ShareRiskOwnership',
      stream: riskStream(data.riskId),
      decider: riskDecider,
      envelope,
      decide: async (state) =>
        riskDecider.decide(
          {
            type: 'ShareRiskOwnership',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            // The risk's own initiative: the partners sharing it must be members there.
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
