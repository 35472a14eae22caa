import { type ReassessRisk, riskDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { riskStream } from '../../../ledger/streams';

export class ReassessRiskCommand extends Command<Receipt> {
  constructor(
    readonly data: ReassessRisk['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ReassessRiskCommand)
export class ReassessRiskHandler implements ICommandHandler<ReassessRiskCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: ReassessRiskCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'ReassessRisk',
      stream: riskStream(data.riskId),
      decider: riskDecider,
      envelope,
      subject: (state) => inInitiativeOf(state, (risk) => risk.ownerPartnerId),
      decide: async (state) =>
        riskDecider.decide(
          {
            type: 'ReassessRisk',
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
