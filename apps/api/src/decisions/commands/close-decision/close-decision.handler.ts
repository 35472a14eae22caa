import { type CloseDecision, decisionDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { decisionStream } from '../../../ledger/streams';

export class CloseDecisionCommand extends Command<Receipt> {
  constructor(
    readonly data: CloseDecision['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(CloseDecisionCommand)
export class CloseDecisionHandler implements ICommandHandler<CloseDecisionCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: CloseDecisionCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'CloseDecision',
      stream: decisionStream(data.decisionId),
      decider: decisionDecider,
      envelope,
      subject: (state) => inInitiativeOf(state),
      decide: async (state) => {
        const [roster, initiative] = await Promise.all([
          this.streams.rosterOf(state),
          this.streams.initiativeOf(state),
        ]);
        return decisionDecider.decide(
          {
            type: 'CloseDecision',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            roster,
            initiative,
          },
          state,
        );
      },
    });
  }
}
