import { type HoldMeeting, meetingDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiative } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { meetingStream } from '../../../ledger/streams';

export class HoldMeetingCommand extends Command<Receipt> {
  constructor(
    readonly data: HoldMeeting['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(HoldMeetingCommand)
export class HoldMeetingHandler implements ICommandHandler<HoldMeetingCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: HoldMeetingCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'HoldMeeting',
      stream: meetingStream(data.meetingId),
      decider: meetingDecider,
      envelope,
      subject: () => inInitiative(data.initiativeId),
      decide: async (state) => {
        const initiative = await this.streams.initiative(data.initiativeId);
        return meetingDecider.decide(
          {
            type: 'HoldMeeting',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            initiative,
          },
          state,
        );
      },
    });
  }
}
