import type { AppendNotifier } from './append-notifier';
import type { StoredEvent, SubscribeOptions, Subscription } from './event-store.port';

/** What an adapter supplies for the generic catch-up subscription. */
export interface SubscriptionSource {
  readAll(fromPosition: number, limit: number): Promise<StoredEvent[]>;
  /**
   * Resolves when something may have been appended after `afterPosition`, at the latest after
   * a poll interval (appends by other processes), or at once when `signal` aborts. Never rejects.
   * Resolves `true` when it answered at once from an append it already knew of.
   */
  waitForAppend(afterPosition: number, signal: AbortSignal): Promise<boolean>;
}

/**
 * Reads the log from a position in batches; when it reaches the end, waits for the next
 * append and reads on. It tracks the next position itself, so every event arrives once, in order.
 */
export function catchUpSubscription(
  source: SubscriptionSource,
  options: SubscribeOptions = {},
): Subscription {
  const controller = new AbortController();
  const batchSize = options.batchSize ?? 500;
  let next = options.fromPosition ?? 1;
  let answeredAtOnce = false;

  async function* batches(): AsyncGenerator<readonly StoredEvent[]> {
    while (!controller.signal.aborted) {
      const events = await source.readAll(next, batchSize);
      if (controller.signal.aborted) return;
      const last = events[events.length - 1];
      if (last) {
        answeredAtOnce = false;
        next = last.position + 1;
        yield events;
      } else {
        // The source answered at once that the log reaches past `next`, yet nothing is there:
        // that knowledge is stale (the log was rewound under this process). Waiting for the
        // next append or poll instead keeps the subscription from spinning on reads.
        const after = answeredAtOnce ? Number.MAX_SAFE_INTEGER : next - 1;
        answeredAtOnce = await source.waitForAppend(after, controller.signal);
      }
    }
  }

  const iterator = batches();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: () => controller.abort(),
  };
}

/** Full batches recently read, shared by every subscription of a store. */
const SHARED_BATCHES = 16;

/**
 * The subscriptions a store has handed out, woken by its appends and ended when it closes.
 * Subscriptions that catch up together (every read model after a restart or a rebuild) read
 * the same batches: a full batch never changes (events are immutable and positions final),
 * so each is read and parsed once and handed to all of them. Subscribers must not mutate events.
 */
export class SubscriptionHub {
  private readonly open = new Set<Subscription>();
  private readonly batches = new Map<string, Promise<StoredEvent[]>>();

  constructor(private readonly notifier: AppendNotifier) {}

  subscribe(readAll: SubscriptionSource['readAll'], options: SubscribeOptions): Subscription {
    const subscription = catchUpSubscription(
      {
        readAll: (from, limit) => this.sharedRead(readAll, from, limit),
        waitForAppend: (after, signal) => this.notifier.wait(after, signal),
      },
      options,
    );
    this.open.add(subscription);
    return {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      close: () => {
        subscription.close();
        this.open.delete(subscription);
      },
    };
  }

  private sharedRead(
    readAll: SubscriptionSource['readAll'],
    from: number,
    limit: number,
  ): Promise<StoredEvent[]> {
    const key = `${from}/${limit}`;
    const cached = this.batches.get(key);
    if (cached) return cached;
    const read = readAll(from, limit);
    this.batches.set(key, read);
    if (this.batches.size > SHARED_BATCHES) this.batches.delete(this.batches.keys().next().value!);
    // Only a full batch is final: a short one may grow as the log does, and a failed read is retried.
    read.then(
      (events) => events.length < limit && this.batches.delete(key),
      () => this.batches.delete(key),
    );
    return read;
  }

  closeAll(): void {
    for (const subscription of this.open) subscription.close();
    this.open.clear();
    this.notifier.wakeAll();
  }
}
