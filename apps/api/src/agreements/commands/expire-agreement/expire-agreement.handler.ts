import { agreementDecider, type ExpireAgreement } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { agreementStream } from '../../../ledger/streams';

export class ExpireAgreementCommand extends Command<Receipt> {
  constructor(
    readonly data: ExpireAgreement['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ExpireAgreementCommand)
export class ExpireAgreementHandler implements ICommandHandler<ExpireAgreementCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: ExpireAgreementCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'ExpireAgreement',
      stream: agreementStream(data.agreementId),
      decider: agreementDecider,
      envelope,
      subject: (state) => inInitiativeOf(state),
      decide: (state) =>
        agreementDecider.decide(
          { type: 'ExpireAgreement', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
