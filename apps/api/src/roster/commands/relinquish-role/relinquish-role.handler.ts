import { type RelinquishRole, rosterDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiative } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { rosterStream } from '../../../ledger/streams';

export class RelinquishRoleCommand extends Command<Receipt> {
  constructor(
    readonly data: RelinquishRole['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(RelinquishRoleCommand)
export class RelinquishRoleHandler implements ICommandHandler<RelinquishRoleCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: RelinquishRoleCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'RelinquishRole',
      stream: rosterStream(data.initiativeId),
      decider: rosterDecider,
      envelope,
      subject: () => inInitiative(data.initiativeId),
      decide: (roster) =>
        rosterDecider.decide(
          { type: 'RelinquishRole', actor: envelope.actor, now: envelope.occurredAt, data },
          roster,
        ),
    });
  }
}
