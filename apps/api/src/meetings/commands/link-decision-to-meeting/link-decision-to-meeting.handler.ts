import { type LinkDecisionToMeeting, meetingDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { meetingStream } from '../../../ledger/streams';

export class LinkDecisionToMeetingCommand extends Command<Receipt> {
  constructor(
    readonly data: LinkDecisionToMeeting['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(LinkDecisionToMeetingCommand)
export class LinkDecisionToMeetingHandler implements ICommandHandler<LinkDecisionToMeetingCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: LinkDecisionToMeetingCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'LinkDecisionToMeeting',
      stream: meetingStream(data.meetingId),
      decider: meetingDecider,
      envelope,
      subject: (state) => inInitiativeOf(state),
      decide: async (state) => {
        const [decision, initiative] = await Promise.all([
          this.streams.decision(data.decisionId),
          this.streams.initiativeOf(state),
        ]);
        return meetingDecider.decide(
          {
            type: 'LinkDecisionToMeeting',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            decision,
            initiative,
          },
          state,
        );
      },
    });
  }
}
