import { type ChangeVote, decisionDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { decisionStream } from '../../../ledger/streams';

export class ChangeVoteCommand extends Command<Receipt> {
  constructor(
    readonly data: ChangeVote['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ChangeVoteCommand)
export class ChangeVoteHandler implements ICommandHandler<ChangeVoteCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: ChangeVoteCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'ChangeVote',
      stream: decisionStream(data.decisionId),
      decider: decisionDecider,
      envelope,
      subject: (state) => inInitiativeOf(state),
      decide: async (state) =>
        decisionDecider.decide(
          {
            type: 'ChangeVote',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            roster: await this.streams.rosterOf(state),
          },
          state,
        ),
    });
  }
}
