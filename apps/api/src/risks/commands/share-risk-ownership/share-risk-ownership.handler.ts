import { riskDecider, type ShareRiskOwnership } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { riskStream } from '../../../ledger/streams';

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
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: ShareRiskOwnershipCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'ShareRiskOwnership',
      stream: riskStream(data.riskId),
      decider: riskDecider,
      envelope,
      subject: (state) => inInitiativeOf(state, (risk) => risk.ownerPartnerId),
      decide: async (state) =>
        riskDecider.decide(
          {
            type: 'ShareRiskOwnership',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            // The risk's own initiative: the partners sharing it must be members there.
            initiative: await this.streams.initiativeOf(state),
          },
          state,
        ),
    });
  }
}
