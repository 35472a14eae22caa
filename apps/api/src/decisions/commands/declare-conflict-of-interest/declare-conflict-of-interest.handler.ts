import { type DeclareConflictOfInterest, decisionDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { decisionStream } from '../../../ledger/streams';

export class DeclareConflictOfInterestCommand extends Command<Receipt> {
  constructor(
    readonly data: DeclareConflictOfInterest['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(DeclareConflictOfInterestCommand)
export class DeclareConflictOfInterestHandler implements ICommandHandler<DeclareConflictOfInterestCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: DeclareConflictOfInterestCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'DeclareConflictOfInterest',
      stream: decisionStream(data.decisionId),
      decider: decisionDecider,
      envelope,
      subject: (state) => inInitiativeOf(state),
      decide: (state) =>
        decisionDecider.decide(
          {
            type: 'DeclareConflictOfInterest',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
          },
          state,
        ),
    });
  }
}
