import {
  commitmentDecider,
  type CommitmentEvent,
  fold,
  type PlanMitigation,
  riskDecider,
} from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { asDomainEvents } from '../../../ledger/domain-events';
import { EVENT_STORE } from '../../../ledger/ledger.tokens';
import { type Receipt } from '../../../ledger/receipt.model';
import { commitmentStream, riskStream } from '../../../ledger/streams';
import { readInitiative } from '../../partner-share';

export class PlanMitigationCommand extends Command<Receipt> {
  constructor(
    readonly data: PlanMitigation['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(PlanMitigationCommand)
export class PlanMitigationHandler implements ICommandHandler<PlanMitigationCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: PlanMitigationCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'PlanMitigation',
      stream: riskStream(data.riskId),
      decider: riskDecider,
      envelope,
      decide: async (state) =>
        riskDecider.decide(
          {
            type: 'PlanMitigation',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            commitments: await this.initiativesOf(data.commitmentIds),
            initiative: await readInitiative(
              this.store,
              state.status === 'absent' ? undefined : state.initiativeId,
            ),
          },
          state,
        ),
    });
  }

  /** For each commitment id, the initiative it was made in, or null when there is no such commitment. */
  private async initiativesOf(
    commitmentIds: readonly string[],
  ): Promise<Record<string, string | null>> {
    const initiatives: Record<string, string | null> = {};
    for (const commitmentId of new Set(commitmentIds)) {
      const events = await this.store.readStream(commitmentStream(commitmentId));
      const commitment = fold(commitmentDecider, asDomainEvents<CommitmentEvent>(events));
      initiatives[commitmentId] = commitment.status === 'absent' ? null : commitment.initiativeId;
    }
    return initiatives;
  }
}
