import { type PlanMitigation, riskDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { riskStream } from '../../../ledger/streams';

export class PlanMitigationCommand extends Command<Receipt> {
  constructor(
    readonly data: PlanMitigation['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(PlanMitigationCommand)
export class PlanMitigationHandler implements ICommandHandler<PlanMitigationCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: PlanMitigationCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'PlanMitigation',
      stream: riskStream(data.riskId),
      decider: riskDecider,
      envelope,
      subject: (state) => inInitiativeOf(state, (risk) => risk.ownerPartnerId),
      decide: async (state) =>
        riskDecider.decide(
          {
            type: 'PlanMitigation',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            commitments: await this.streams.initiativesOfCommitments(data.commitmentIds),
            initiative: await this.streams.initiativeOf(state),
          },
          state,
        ),
    });
  }
}
