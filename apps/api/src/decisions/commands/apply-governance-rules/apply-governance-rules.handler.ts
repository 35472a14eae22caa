import { type ApplyGovernanceRules, initiativeDecider, toRulesDecision } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiative } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { FoldedStreams } from '../../../ledger/folded-streams';
import { type Receipt } from '../../../ledger/receipt.model';
import { initiativeStream } from '../../../ledger/streams';

export class ApplyGovernanceRulesCommand extends Command<Receipt> {
  constructor(
    readonly data: ApplyGovernanceRules['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** Written on the initiative stream; the decision's stream is read and folded for its outcome. */
@CommandHandler(ApplyGovernanceRulesCommand)
export class ApplyGovernanceRulesHandler implements ICommandHandler<ApplyGovernanceRulesCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly streams: FoldedStreams,
  ) {}

  execute({ data, envelope }: ApplyGovernanceRulesCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'ApplyGovernanceRules',
      stream: initiativeStream(data.initiativeId),
      decider: initiativeDecider,
      envelope,
      subject: () => inInitiative(data.initiativeId),
      decide: async (state) => {
        const decision = toRulesDecision(
          await this.streams.decision(data.decisionId),
          data.decisionId,
        );
        return initiativeDecider.decide(
          {
            type: 'ApplyGovernanceRules',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            decision,
          },
          state,
        );
      },
    });
  }
}
