import { benefitPoolDecider, type AllocateBenefitShares } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { benefitPoolStream } from '../../../ledger/streams';

export class AllocateBenefitSharesCommand extends Command<Receipt> {
  constructor(
    readonly data: AllocateBenefitShares['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(AllocateBenefitSharesCommand)
export class AllocateBenefitSharesHandler implements ICommandHandler<AllocateBenefitSharesCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: AllocateBenefitSharesCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'AllocateBenefitShares',
      stream: benefitPoolStream(data.poolId),
      decider: benefitPoolDecider,
      envelope,
      subject: (state) => inInitiativeOf(state),
      decide: async (state) =>
        benefitPoolDecider.decide(
          {
            type: 'AllocateBenefitShares',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            // The pool's own initiative: the partners must be members there.
            initiative: await this.streams.initiativeOf(state),
          },
          state,
        ),
    });
  }
}
