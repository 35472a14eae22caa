import { benefitPoolDecider, type AllocateBenefitShares } from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { EVENT_STORE } from '../../../ledger/ledger.tokens';
import { type Receipt } from '../../../ledger/receipt.model';
import { benefitPoolStream } from '../../../ledger/streams';
import { readInitiative } from '../../../risks/partner-share';

export class AllocateBenefitSharesCommand extends Command<Receipt> {
  constructor(
    readonly data: AllocateBenefitShares['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(AllocateBenefitSharesCommand)
export class AllocateBenefitSharesHandler implements ICommandHandler<AllocateBenefitSharesCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: AllocateBenefitSharesCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'AllocateBenefitShares',
      stream: benefitPoolStream(data.poolId),
      decider: benefitPoolDecider,
      envelope,
      decide: async (state) =>
        benefitPoolDecider.decide(
          {
            type: 'AllocateBenefitShares',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            // The pool's own initiative: the partners must be members there.
            initiative: await readInitiative(
              this.store,
              state.status === 'absent' ? undefined : state.initiativeId,
            ),
          },
          state,
        ),
    });
  }
}
