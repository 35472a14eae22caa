import { agreementDecider, type SignAgreement } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { agreementStream } from '../../../ledger/streams';

export class SignAgreementCommand extends Command<Receipt> {
  constructor(
    readonly data: SignAgreement['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(SignAgreementCommand)
export class SignAgreementHandler implements ICommandHandler<SignAgreementCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: SignAgreementCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'SignAgreement',
      stream: agreementStream(data.agreementId),
      decider: agreementDecider,
      envelope,
      subject: (state) => inInitiativeOf(state, () => data.partnerId),
      decide: (state) =>
        agreementDecider.decide(
          { type: 'SignAgreement', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
