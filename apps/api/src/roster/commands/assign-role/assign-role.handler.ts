import { type AssignRole, rosterDecider } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiative } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { rosterStream } from '../../../ledger/streams';

export class AssignRoleCommand extends Command<Receipt> {
  constructor(
    readonly data: AssignRole['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(AssignRoleCommand)
export class AssignRoleHandler implements ICommandHandler<AssignRoleCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: AssignRoleCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'AssignRole',
      stream: rosterStream(data.initiativeId),
      decider: rosterDecider,
      envelope,
      subject: () => inInitiative(data.initiativeId),
      decide: async (roster) => {
        const initiative = await this.streams.initiative(data.initiativeId);
        return rosterDecider.decide(
          { type: 'AssignRole', actor: envelope.actor, now: envelope.occurredAt, data, initiative },
          roster,
        );
      },
    });
  }
}
