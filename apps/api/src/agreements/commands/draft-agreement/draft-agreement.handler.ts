import { agreementDecider, type DraftAgreement } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiative } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { agreementStream } from '../../../ledger/streams';

export class DraftAgreementCommand extends Command<Receipt> {
  constructor(
    readonly data: DraftAgreement['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(DraftAgreementCommand)
export class DraftAgreementHandler implements ICommandHandler<DraftAgreementCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: DraftAgreementCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'DraftAgreement',
      stream: agreementStream(data.agreementId),
      decider: agreementDecider,
      envelope,
      subject: () => inInitiative(data.initiativeId),
      decide: async (state) => {
        const initiative = await this.streams.initiative(data.initiativeId);
        return agreementDecider.decide(
          {
            type: 'DraftAgreement',
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
