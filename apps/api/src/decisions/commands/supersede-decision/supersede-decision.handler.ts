import { decisionDecider, type SupersedeDecision } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { decisionStream } from '../../../ledger/streams';

export class SupersedeDecisionCommand extends Command<Receipt> {
  constructor(
    readonly data: SupersedeDecision['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(SupersedeDecisionCommand)
export class SupersedeDecisionHandler implements ICommandHandler<SupersedeDecisionCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: SupersedeDecisionCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'SupersedeDecision',
      stream: decisionStream(data.decisionId),
      decider: decisionDecider,
      envelope,
      subject: (state) => inInitiativeOf(state),
      decide: async (state) => {
        const [by, initiative] = await Promise.all([
          this.streams.decision(data.byDecisionId),
          this.streams.initiativeOf(state),
        ]);
        return decisionDecider.decide(
          {
            type: 'SupersedeDecision',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            by,
            initiative,
          },
          state,
        );
      },
    });
  }
}
