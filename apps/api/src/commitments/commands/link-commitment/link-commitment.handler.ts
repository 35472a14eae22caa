import {
  commitmentDecider,
  type DecisionReference,
  fold,
  indicatorDecider,
  type IndicatorEvent,
  initialIndicatorState,
  type LinkCommitment,
} from '@accord/domain';
import { type EventStore } from '@accord/event-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope } from '../../../ledger/command-envelope';
import { CommandExecutor } from '../../../ledger/command-executor';
import { asDomainEvents } from '../../../ledger/domain-events';
import { EVENT_STORE } from '../../../ledger/ledger.tokens';
import { type Receipt } from '../../../ledger/receipt.model';
import { commitmentStream, decisionStream, indicatorStream } from '../../../ledger/streams';

export class LinkCommitmentCommand extends Command<Receipt> {
  constructor(
    readonly data: LinkCommitment['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(LinkCommitmentCommand)
export class LinkCommitmentHandler implements ICommandHandler<LinkCommitmentCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ data, envelope }: LinkCommitmentCommand): Promise<Receipt> {
    return this.executor.execute({
      commandType: 'LinkCommitment',
      stream: commitmentStream(data.commitmentId),
      decider: commitmentDecider,
      envelope,
      decide: async (state) => {
        const indicator =
          data.indicatorId === null
            ? initialIndicatorState()
            : fold(
                indicatorDecider,
                asDomainEvents<IndicatorEvent>(
                  await this.store.readStream(indicatorStream(data.indicatorId)),
                ),
              );
        const decision =
          data.decisionId === null
            ? { initiativeId: null }
            : await this.decisionReference(data.decisionId);
        return commitmentDecider.decide(
          {
            type: 'LinkCommitment',
            actor: envelope.actor,
            now: envelope.occurredAt,
            data,
            indicator,
            decision,
          },
          state,
        );
      },
    });
  }

  /**
   * Only the initiative a decision belongs to matters here, and every decision stream opens
   * with an event naming it; reading that one field keeps this handler independent of the
   * decision aggregate's other events.
   */
  private async decisionReference(decisionId: string): Promise<DecisionReference> {
    const [first] = await this.store.readStream(decisionStream(decisionId));
    const data = first?.data as { initiativeId?: unknown } | undefined;
    return { initiativeId: typeof data?.initiativeId === 'string' ? data.initiativeId : null };
  }
}
