import { AppendNotifier } from '../append-notifier';
import { assertValidAppend, assertValidStreamName } from '../append-validation';
import { verifyChain } from '../chain-verifier';
import { IdempotencyMismatchError, WrongExpectedRevisionError } from '../event-store.errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  StoredEvent,
  SubscribeOptions,
  Subscription,
  VerifyOptions,
  VerifyResult,
} from '../event-store.port';
import { chainHash, GENESIS_HASH } from '../hash-chain';
import { SubscriptionHub } from '../subscription';
import { KurrentDbClientLog } from './kurrentdb-client-log';
import { describeKurrentFailure, KurrentDbUnavailableError } from './kurrentdb-errors';
import {
  accordIdOf,
  assertKurrentCompatible,
  isLedgerRecord,
  kurrentEventId,
  toLogEvent,
  toStoredEvent,
  toVerifiableRow,
} from './kurrentdb-events';
import { EventIdIndex } from './kurrentdb-id-index';
import { type KurrentLog, LogConflictError } from './kurrentdb-log';
import { lastLedgerRecord, readLedgerForward } from './kurrentdb-log-reader';
import { commitOf, ledgerPosition, readStart } from './kurrentdb-positions';

export interface KurrentDbEventStoreOptions {
  /** Fallback for a dropped live subscription: how often a waiting subscription looks for new events. */
  pollIntervalMs?: number;
}

const MAX_READ = 10_000;
const VERIFY_BATCH = 5_000;
/** An append with expectedRevision "any" that keeps losing races gives up after this many tries. */
const MAX_ANY_ATTEMPTS = 20;

/**
 * The event store on KurrentDB (a replicated cluster). KurrentDB keeps streams, revisions and
 * the global order; this adapter adds what the port promises beyond that:
 *
 * - Positions: see kurrentdb-positions.ts (2 × commit position + 1).
 * - Hash chain: each event's hash is computed from its stream's last stored hash and kept in
 *   its metadata. The append always names the exact revision it chained from, so a concurrent
 *   append in between is refused by KurrentDB instead of forking the chain ("any" retries).
 * - Idempotency: before writing, the event ids are looked up (EventIdIndex); all stored ->
 *   the first result with duplicate: true, some -> IdempotencyMismatchError. Appends to one
 *   stream are serialised within a process; two processes racing with the same command are
 *   caught by KurrentDB's own check of the same event ids at the same revision.
 * - The log: reads of $all skip KurrentDB's own records (see isLedgerRecord).
 */
export class KurrentDbEventStore implements EventStore {
  private readonly notifier: AppendNotifier;
  private readonly hub: SubscriptionHub;
  private readonly index: EventIdIndex;
  private readonly streamLocks = new Map<string, Promise<unknown>>();
  private readonly stopWatching: () => void;

  constructor(
    private readonly log: KurrentLog,
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.notifier = new AppendNotifier(options.pollIntervalMs ?? 500);
    this.hub = new SubscriptionHub(this.notifier);
    this.index = new EventIdIndex(async (from, limit) => {
      const page = await readLedgerForward(this.log, from, limit);
      const entries = page.records.flatMap((record) => {
        const id = accordIdOf(record);
        return id === undefined ? [] : [{ id, position: ledgerPosition(record.commit) }];
      });
      return { entries, next: page.next, atEnd: page.atEnd };
    });
    // Appends by other processes wake waiting subscriptions at once; polling covers a dropped watch.
    this.stopWatching = log.watch((record) => {
      if (isLedgerRecord(record)) this.notifier.notify(ledgerPosition(record.commit));
    });
  }

  /**
   * Connects and reads the head of the log once, so a wrong address, TLS setting or
   * credentials fail here, with one line naming the server, instead of on the first command.
   */
  static async connect(
    connectionString: string,
    options: KurrentDbEventStoreOptions = {},
  ): Promise<KurrentDbEventStore> {
    let log: KurrentLog;
    try {
      log = KurrentDbClientLog.fromConnectionString(connectionString);
    } catch (error) {
      throw new KurrentDbUnavailableError(connectionString, describeKurrentFailure(error));
    }
    const store = new KurrentDbEventStore(log, options);
    try {
      await store.headPosition();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw new KurrentDbUnavailableError(connectionString, describeKurrentFailure(error));
    }
    // Build the id index while the read models catch up, not on the first command. A failure
    // here is not fatal: the first lookup scans again.
    store.index.catchUp().catch(() => undefined);
    return store;
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidAppend(stream, events, expectedRevision);
    assertKurrentCompatible(events);
    return await this.oneAtATime(stream, () =>
      this.appendToStream(stream, events, expectedRevision),
    );
  }

  private async appendToStream(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const earlier = await this.earlierAppend(events);
      if (earlier) return earlier;
      const [head] = await this.log.readStream(stream, 'end', 1, 'backwards');
      const actual = head ? head.revision : 'no_stream';
      const matches =
        expectedRevision === 'any' ||
        (expectedRevision === 'no_stream' ? !head : actual === expectedRevision);
      if (!matches) throw new WrongExpectedRevisionError(stream, expectedRevision, actual);

      let previousHash = head ? toStoredEvent(head).hash : GENESIS_HASH;
      const written = events.map((event) => {
        previousHash = chainHash(previousHash, event);
        return toLogEvent(event, previousHash);
      });
      try {
        const { lastRevision } = await this.log.append(
          stream,
          written,
          head ? BigInt(head.revision) : 'no_stream',
        );
        const result = await this.readBack(stream, events, lastRevision);
        this.notifier.notify(result.position);
        return result;
      } catch (error) {
        if (!(error instanceof LogConflictError)) throw error;
        // Another process appended since the head was read: perhaps this very append.
        const raced = await this.earlierAppend(events);
        if (raced) return raced;
        if (expectedRevision !== 'any' || attempt >= MAX_ANY_ATTEMPTS)
          throw new WrongExpectedRevisionError(stream, expectedRevision, error.actual);
      }
    }
  }

  /** The first result when every id is stored already; refuses a retry that only partly matches. */
  private async earlierAppend(events: readonly NewEvent[]): Promise<AppendResult | undefined> {
    const ids = events.map((event) => event.id);
    const found = await this.index.findAll(ids);
    if (found.size === 0) return undefined;
    if (found.size < ids.length) {
      throw new IdempotencyMismatchError(
        `${found.size} of the ${ids.length} event ids are already stored: a retry must resend the same events`,
      );
    }
    const last = await this.eventAt(found.get(ids[ids.length - 1]!)!);
    return { revision: last.revision, position: last.position, duplicate: true };
  }

  /**
   * Reads the appended events back for their positions (the append's answer gives one commit
   * position, not each event's) and remembers their ids, so the receipt's readEventById is instant.
   */
  private async readBack(
    stream: string,
    events: readonly NewEvent[],
    lastRevision: number,
  ): Promise<AppendResult> {
    const first = lastRevision - events.length + 1;
    const records = await this.log.readStream(stream, first, events.length, 'forwards');
    events.forEach((event, index) => {
      const record = records[index];
      if (record?.eventId !== kurrentEventId(event.id)) {
        throw new Error(
          `KurrentDB acknowledged ${stream}@${first + index} but holds another event there`,
        );
      }
      this.index.remember(event.id, ledgerPosition(record.commit));
    });
    const last = records[records.length - 1]!;
    return { revision: last.revision, position: ledgerPosition(last.commit), duplicate: false };
  }

  async readStream(stream: string, fromRevision = 0): Promise<StoredEvent[]> {
    assertValidStreamName(stream);
    const records = await this.log.readStream(
      stream,
      Math.max(0, fromRevision),
      Number.MAX_SAFE_INTEGER,
      'forwards',
    );
    return records.map(toStoredEvent);
  }

  async readAll(fromPosition = 1, limit = 1_000): Promise<StoredEvent[]> {
    const bounded = Math.max(1, Math.min(limit, MAX_READ));
    const page = await readLedgerForward(this.log, readStart(fromPosition), bounded);
    return page.records.map(toStoredEvent);
  }

  async readEventById(id: string): Promise<StoredEvent | undefined> {
    const position = await this.index.find(id);
    return position === undefined ? undefined : this.eventAt(position);
  }

  async headPosition(): Promise<number> {
    const last = await lastLedgerRecord(this.log);
    return last ? ledgerPosition(last.commit) : 0;
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    return this.hub.subscribe((from, limit) => this.readAll(from, limit), options);
  }

  verify(stream?: string, options: VerifyOptions = {}): Promise<VerifyResult> {
    if (stream !== undefined) assertValidStreamName(stream);
    const size = options.pageSize ?? VERIFY_BATCH;
    let next = readStart(options.fromPosition ?? 1);
    return verifyChain(async (last) => {
      if (stream !== undefined) {
        const from = last ? last.revision + 1 : 0;
        const records = await this.log.readStream(stream, from, size, 'forwards');
        return records.map(toVerifiableRow);
      }
      const page = await readLedgerForward(this.log, next, size);
      next = page.next;
      return page.records.map(toVerifiableRow);
    }, options);
  }

  async close(): Promise<void> {
    this.hub.closeAll();
    this.stopWatching();
    await this.log.close();
  }

  private async eventAt(position: number): Promise<StoredEvent> {
    const commit = commitOf(position);
    const [record] = await this.log.readAll(commit === 0n ? 'start' : commit, 1, 'forwards');
    if (!record || record.commit !== commit) {
      throw new Error(`KurrentDB holds no event at commit position ${commit}`);
    }
    return toStoredEvent(record);
  }

  /** Runs appends to one stream one after another (each reads the head it chains from). */
  private oneAtATime<T>(stream: string, work: () => Promise<T>): Promise<T> {
    const previous = this.streamLocks.get(stream) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(work);
    this.streamLocks.set(stream, run);
    void run
      .finally(() => {
        if (this.streamLocks.get(stream) === run) this.streamLocks.delete(stream);
      })
      .catch(() => undefined);
    return run;
  }
}
