import { benefitPoolDecider, type ReallocateBenefitShares } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { benefitPoolStream } from '../../../ledger/streams';

export class ReallocateBenefitSharesCommand extends Command<Receipt> {
  constructor(
    readonly data: ReallocateBenefitShares['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ReallocateBenefitSharesCommand)
export class ReallocateBenefitSharesHandler implements ICommandHandler<ReallocateBenefitSharesCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: ReallocateBenefitSharesCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'ReallocateBenefitShares',
      stream: benefitPoolStream(data.poolId),
      decider: benefitPoolDecider,
      envelope,
      subject: (state) => inInitiativeOf(state),
      decide: async (state) =>
        benefitPoolDecider.decide(
          {
            type: 'ReallocateBenefitShares',
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
