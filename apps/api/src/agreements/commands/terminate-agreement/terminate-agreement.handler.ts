import { agreementDecider, type TerminateAgreement } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { agreementStream } from '../../../ledger/streams';

export class TerminateAgreementCommand extends Command<Receipt> {
  constructor(
    readonly data: TerminateAgreement['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(TerminateAgreementCommand)
export class TerminateAgreementHandler implements ICommandHandler<TerminateAgreementCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: TerminateAgreementCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'TerminateAgreement',
      stream: agreementStream(data.agreementId),
      decider: agreementDecider,
      envelope,
      subject: (state) => inInitiativeOf(state),
      decide: (state) =>
        agreementDecider.decide(
          { type: 'TerminateAgreement', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
