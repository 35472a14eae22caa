import { randomUUID } from 'node:crypto';
import {
  type KurrentLog,
  LogConflictError,
  type LogEvent,
  type LogExpectation,
  type LogRecord,
  type LogStart,
} from '../kurrentdb/kurrentdb-log';

interface Held {
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  commit: bigint;
}

/**
 * An imitation of KurrentDB's log for testing the adapter's own logic without a server. It
 * follows the server's rules as the adapter relies on them: commit positions are byte offsets
 * of records (far apart, starting after the server's own records), a read of $all may only
 * start where a record begins (anything else throws here, so a wrong start is caught), KurrentDB
 * writes records of its own between appends, and an append repeating the ids just after the
 * expected revision is acknowledged without writing. It is not KurrentDB: the conformance suite
 * against a real server (KURRENTDB_CONNECTION_STRING) is what proves the adapter.
 */
export class InMemoryKurrentLog implements KurrentLog {
  readonly records: Held[] = [];
  private end = 0n;
  private readonly watchers = new Set<(record: LogRecord) => void>();
  closed = false;

  constructor(private readonly options: { systemRecordEvery?: number } = {}) {
    for (const stream of ['$settings', '$users', '$scavenges'])
      this.write(stream, [{ eventId: randomUUID(), type: `$${stream}`, data: {}, metadata: {} }]);
  }

  append(
    stream: string,
    events: readonly LogEvent[],
    expected: LogExpectation,
  ): Promise<{ lastRevision: number }> {
    return this.later(() => {
      const held = this.records.filter((r) => r.stream === stream);
      const head = held.length - 1;
      const from = expected === 'no_stream' ? 0 : Number(expected) + 1;
      const already = held.slice(from, from + events.length);
      if (
        already.length === events.length &&
        already.every((r, i) => r.eventId === events[i]!.eventId)
      ) {
        return { lastRevision: already[already.length - 1]!.revision };
      }
      const matches = expected === 'no_stream' ? head === -1 : BigInt(head) === expected;
      if (!matches) throw new LogConflictError(stream, head === -1 ? 'no_stream' : head);
      this.write(stream, events);
      const every = this.options.systemRecordEvery ?? 0;
      if (every > 0 && this.records.length % every === 0) this.writeSystemRecords(1);
      return { lastRevision: head + events.length };
    });
  }

  readStream(
    stream: string,
    from: number | 'end',
    count: number,
    direction: 'forwards' | 'backwards',
  ): Promise<LogRecord[]> {
    return this.later(() => {
      const held = this.records.filter((r) => r.stream === stream);
      const chosen =
        direction === 'forwards'
          ? held.filter((r) => from === 'end' || r.revision >= from).slice(0, count)
          : held
              .filter((r) => from === 'end' || r.revision <= from)
              .reverse()
              .slice(0, count);
      return chosen.map(toRecord);
    });
  }

  readAll(
    from: LogStart,
    count: number,
    direction: 'forwards' | 'backwards',
  ): Promise<LogRecord[]> {
    return this.later(() => {
      if (
        typeof from === 'bigint' &&
        from !== this.end &&
        !this.records.some((r) => r.commit === from)
      )
        throw new Error(`commit position ${from} is not where a record begins`);
      if (direction === 'forwards') {
        const start = from === 'start' ? 0n : from === 'end' ? this.end : from;
        return this.records
          .filter((r) => r.commit >= start)
          .slice(0, count)
          .map(toRecord);
      }
      const before = from === 'end' ? this.end : from === 'start' ? 0n : from;
      return this.records
        .filter((r) => r.commit < before)
        .reverse()
        .slice(0, count)
        .map(toRecord);
    });
  }

  /** KurrentDB writing records of its own (statistics, settings) between the ledger's. */
  writeSystemRecords(count: number): void {
    for (let n = 0; n < count; n++)
      this.write('$stats-127.0.0.1:2113', [
        { eventId: randomUUID(), type: '$statsCollected', data: { n }, metadata: {} },
      ]);
  }

  watch(committed: (record: LogRecord) => void): () => void {
    this.watchers.add(committed);
    return () => this.watchers.delete(committed);
  }

  close(): Promise<void> {
    this.closed = true;
    this.watchers.clear();
    return Promise.resolve();
  }

  private write(stream: string, events: readonly LogEvent[]): void {
    let revision = this.records.filter((r) => r.stream === stream).length;
    for (const event of events) {
      const record: Held = {
        eventId: event.eventId,
        stream,
        revision: revision++,
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata),
        commit: this.end,
      };
      this.records.push(record);
      // A record's size: its bytes and a header, so positions are far apart and uneven.
      this.end += BigInt(64 + record.data.length + record.metadata.length);
      for (const watcher of this.watchers) setImmediate(() => watcher(toRecord(record)));
    }
  }

  /** Every call answers on a later turn, so concurrent callers interleave as over a network. */
  private later<T>(work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the log is closed'));
    return new Promise((resolve, reject) =>
      setImmediate(() => {
        try {
          resolve(work());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    );
  }
}

const toRecord = (held: Held): LogRecord => ({
  eventId: held.eventId,
  stream: held.stream,
  revision: held.revision,
  type: held.type,
  data: JSON.parse(held.data) as unknown,
  metadata: JSON.parse(held.metadata) as unknown,
  commit: held.commit,
});
