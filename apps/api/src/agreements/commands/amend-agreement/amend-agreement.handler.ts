import { agreementDecider, type AmendAgreement } from '@accord/domain';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inInitiativeOf } from '../../../auth/subject';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { type Receipt } from '../../../ledger/receipt.model';
import { agreementStream } from '../../../ledger/streams';

export class AmendAgreementCommand extends Command<Receipt> {
  constructor(
    readonly data: AmendAgreement['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(AmendAgreementCommand)
export class AmendAgreementHandler implements ICommandHandler<AmendAgreementCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, envelope }: AmendAgreementCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'AmendAgreement',
      stream: agreementStream(data.agreementId),
      decider: agreementDecider,
      envelope,
      subject: (state) => inInitiativeOf(state),
      decide: (state) =>
        agreementDecider.decide(
          { type: 'AmendAgreement', actor: envelope.actor, now: envelope.occurredAt, data },
          state,
        ),
    });
  }
}
