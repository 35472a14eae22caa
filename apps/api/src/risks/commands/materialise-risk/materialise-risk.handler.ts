import { type MaterialiseRisk, riskDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { riskStream } from '../../../ledger/streams';

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
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: MaterialiseRiskCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'MaterialiseRisk',
      stream: riskStream(data.riskId),
      decider: riskDecider,
      envelope,
      subject: (state) => inInitiativeOf(state, (risk) => risk.ownerPartnerId),
      decide: async (state) =>
        riskDecider.decide(
          {
            type: 'MaterialiseRisk',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            // The risk's own initiative: the actor must act for a member partner.
            initiative: await this.streams.initiativeOf(state),
          },
          state,
        ),
    });
  }
}
