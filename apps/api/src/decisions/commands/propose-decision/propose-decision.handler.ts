import { decisionDecider, type ProposeDecision } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiative } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { decisionStream } from '../../../ledger/streams';

export class ProposeDecisionCommand extends Command<Receipt> {
  constructor(
    readonly data: ProposeDecision['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ProposeDecisionCommand)
export class ProposeDecisionHandler implements ICommandHandler<ProposeDecisionCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: ProposeDecisionCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'ProposeDecision',
      stream: decisionStream(data.decisionId),
      decider: decisionDecider,
      envelope,
      subject: () => inInitiative(data.initiativeId),
      decide: async (state) => {
        const [initiative, meeting] = await Promise.all([
          this.streams.initiative(data.initiativeId),
          this.streams.meeting(data.meetingId),
        ]);
        return decisionDecider.decide(
          {
            type: 'ProposeDecision',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            initiative,
            meeting,
          },
          state,
        );
      },
    });
  }
}
