import { type RevokeRole, rosterDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiative } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { rosterStream } from '../../../ledger/streams';

export class RevokeRoleCommand extends Command<Receipt> {
  constructor(
    readonly data: RevokeRole['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(RevokeRoleCommand)
export class RevokeRoleHandler implements ICommandHandler<RevokeRoleCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: RevokeRoleCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'RevokeRole',
      stream: rosterStream(data.initiativeId),
      decider: rosterDecider,
      envelope,
      subject: () => inInitiative(data.initiativeId),
      decide: (roster) =>
        rosterDecider.decide(
          { type: 'RevokeRole', actor: envelope.actor, now: envelope.occurredAt, data },
          roster,
        ),
    });
  }
}
