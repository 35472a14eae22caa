import { type EventStore, type StoredEvent } from '@accord/event-store';
import { Inject } from '@nestjs/common';
import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { parseStream } from '@accord/projections';
import { EVENT_STORE } from '../ledger/ledger.tokens';
import { LedgerEvent, LedgerEventsArgs } from './ledger-event.model';

type Payload = { ledgerEvents: LedgerEvent };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function toLedgerEvent(event: StoredEvent, initiativeId: string): LedgerEvent {
  const actor = (event.metadata.actor ?? {}) as Record<string, unknown>;
  return {
    position: event.position,
    stream: event.stream,
    ...parseStream(event.stream),
    revision: event.revision,
    type: event.type,
    initiativeId,
    personId: text(actor.personId),
    partnerId: text(actor.partnerId),
    occurredAt: text(event.metadata.occurredAt),
    recordedAt: text(event.metadata.recordedAt),
    data: JSON.stringify(event.data),
    hash: event.hash,
  };
}

@Resolver(() => LedgerEvent)
export class LedgerEventsResolver {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Subscription(() => LedgerEvent, {
    description:
      'Every event of one initiative committed after the subscription starts, in log order, optionally of some types only.',
  })
  async ledgerEvents(@Args() args: LedgerEventsArgs): Promise<AsyncGenerator<Payload>> {
    const fromPosition = (await this.store.headPosition()) + 1;
    return this.follow(args, fromPosition);
  }

  private async *follow(args: LedgerEventsArgs, fromPosition: number): AsyncGenerator<Payload> {
    const types = args.types && args.types.length > 0 ? new Set(args.types) : undefined;
    const initiativeOf = this.initiativeResolver();
    const subscription = this.store.subscribe({ fromPosition });
    try {
      for await (const batch of subscription) {
        for (const event of batch) {
          if (types && !types.has(event.type)) continue;
          if ((await initiativeOf(event)) !== args.initiativeId) continue;
          yield { ledgerEvents: toLedgerEvent(event, args.initiativeId) };
        }
      }
    } finally {
      subscription.close();
    }
  }

  /**
   * Events name their initiative in `data.initiativeId`; for any that does not, the first
   * event of its stream does (each aggregate is created inside one initiative).
   */
  private initiativeResolver(): (event: StoredEvent) => Promise<string | undefined> {
    const byStream = new Map<string, string | undefined>();
    return async (event) => {
      const own = event.data.initiativeId;
      if (typeof own === 'string') return own;
      if (!byStream.has(event.stream)) {
        const [first] = await this.store.readStream(event.stream, 0);
        const id = first?.data.initiativeId;
        byStream.set(event.stream, typeof id === 'string' ? id : undefined);
      }
      return byStream.get(event.stream);
    };
  }
}
