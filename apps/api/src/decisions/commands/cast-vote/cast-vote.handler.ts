import { type CastVote, decisionDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { decisionStream } from '../../../ledger/streams';

export class CastVoteCommand extends Command<Receipt> {
  constructor(
    readonly data: CastVote['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(CastVoteCommand)
export class CastVoteHandler implements ICommandHandler<CastVoteCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: CastVoteCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'CastVote',
      stream: decisionStream(data.decisionId),
      decider: decisionDecider,
      envelope,
      subject: (state) => inInitiativeOf(state),
      decide: async (state) =>
        decisionDecider.decide(
          {
            type: 'CastVote',
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
