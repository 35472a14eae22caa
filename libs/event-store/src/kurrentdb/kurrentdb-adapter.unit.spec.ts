import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdempotencyMismatchError, InvalidAppendError } from '../event-store.errors';
import { migrateLedger } from '../migrate';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import type { NewEvent, StoredEvent } from '../event-store.port';
import { describeEventStoreConformance } from '../testing/conformance.suite';
import { InMemoryKurrentLog } from '../testing/in-memory-kurrent-log';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { kurrentEventId, toLogEvent } from './kurrentdb-events';

/*
 * The adapter's own logic (hash chain, idempotency, positions, skipping KurrentDB's records,
 * subscriptions) over an imitation of KurrentDB's log. The same suite against a real server
 * runs in kurrentdb-event-store.int.spec.ts when KURRENTDB_CONNECTION_STRING is set.
 */
describeEventStoreConformance('KurrentDB adapter over an in-memory imitation of its log', () => {
  const log = new InMemoryKurrentLog({ systemRecordEvery: 7 });
  const opened = [new KurrentDbEventStore(log, { pollIntervalMs: 50 })];
  return Promise.resolve({
    store: opened[0]!,
    // Another process on the same log: its own adapter and id index. Closing it must not
    // close the one imitated server for everyone, as closing a client would not.
    reopen: () => {
      const connection = Object.assign(Object.create(log) as InMemoryKurrentLog, {
        close: () => Promise.resolve(),
      });
      opened.push(new KurrentDbEventStore(connection, { pollIntervalMs: 50 }));
      return Promise.resolve(opened[opened.length - 1]!);
    },
    cleanup: async () => {
      for (const store of opened) await store.close();
    },
  });
});

const event = (data: Record<string, unknown> = {}, id: string = randomUUID()): NewEvent => ({
  id,
  type: 'Tested.v1',
  data: data as NewEvent['data'],
  metadata: { by: 'test' },
});

describe('KurrentDB adapter', () => {
  let log: InMemoryKurrentLog;
  let store: KurrentDbEventStore;
  beforeEach(() => {
    log = new InMemoryKurrentLog({ systemRecordEvery: 3 });
    store = new KurrentDbEventStore(log, { pollIntervalMs: 20 });
  });
  afterEach(() => store.close());

  it('hands out odd positions, 2 × commit position + 1, and never those of KurrentDB records', async () => {
    await store.append('test-a', [event({ n: 0 }), event({ n: 1 })], 'no_stream');
    await store.append('test-b', [event({ n: 2 })], 'no_stream');
    const all = await store.readAll(1, 100);
    const commits = log.records.filter((r) => !r.stream.startsWith('$')).map((r) => r.commit);
    expect(all.map((e) => e.position)).toEqual(commits.map((c) => Number(c * 2n + 1n)));
    expect(all.map((e) => e.data.n)).toEqual([0, 1, 2]);
    expect(log.records.some((r) => r.stream.startsWith('$'))).toBe(true);
    expect(await store.headPosition()).toBe(all[2]!.position);
  });

  it('reads "after" a position (position + 1) without asking KurrentDB to start inside a record', async () => {
    await store.append(
      'test-a',
      Array.from({ length: 5 }, (_, n) => event({ n })),
      'no_stream',
    );
    const all = await store.readAll(1, 100);
    const after = await store.readAll(all[1]!.position + 1, 2);
    expect(after.map((e) => e.data.n)).toEqual([2, 3]);
    expect(await store.readAll(all[4]!.position + 1, 10)).toEqual([]);
  });

  it('a page that holds only KurrentDB records does not stall a reader', async () => {
    await store.append('test-a', [event({ n: 0 })], 'no_stream');
    const [first] = await store.readAll(1, 1);
    log.writeSystemRecords(30);
    await store.append('test-b', [event({ n: 1 })], 'no_stream');
    const next = await store.readAll(first!.position + 1, 2);
    expect(next.map((e) => e.data.n)).toEqual([1]);
  });

  it('stores the port id, the hash and the metadata in a KurrentDB envelope', async () => {
    const e = event({ a: 1 }, 'not-a-uuid');
    await store.append('test-a', [e], 'no_stream');
    const held = log.records.find((r) => r.stream === 'test-a')!;
    expect(held.eventId).toBe(kurrentEventId('not-a-uuid'));
    const [stored] = await store.readStream('test-a');
    expect(JSON.parse(held.metadata)).toEqual({
      accord: { id: 'not-a-uuid', hash: stored!.hash },
      metadata: { by: 'test' },
    });
    expect(await store.readEventById('not-a-uuid')).toMatchObject({
      id: 'not-a-uuid',
      stream: 'test-a',
    });
  });

  it('finds an event another process appended, by id, once it is in the log', async () => {
    const other = new KurrentDbEventStore(log);
    expect(await store.readEventById('x')).toBeUndefined();
    const e = event({ from: 'other' });
    await other.append('test-shared', [e], 'no_stream');
    expect(await store.readEventById(e.id)).toMatchObject({
      stream: 'test-shared',
      data: { from: 'other' },
    });
    const retry = await store.append('test-shared', [e], 'no_stream');
    expect(retry.duplicate).toBe(true);
    await other.close();
  });

  it('two processes appending the same events at once write them once (KurrentDB checks the ids too)', async () => {
    const other = new KurrentDbEventStore(log);
    const events = [event({ n: 1 }), event({ n: 2 })];
    const results = await Promise.all([
      store.append('test-race', events, 'no_stream'),
      other.append('test-race', events, 'no_stream'),
    ]);
    expect(results[0].position).toBe(results[1].position);
    expect(await store.readStream('test-race')).toHaveLength(2);
    expect((await store.verify('test-race')).ok).toBe(true);
    await other.close();
  });

  it('an "any" append that loses a race to another process chains from the new head', async () => {
    const other = new KurrentDbEventStore(log);
    await store.append('test-any', [event({ n: 0 })], 'no_stream');
    await Promise.all([
      store.append('test-any', [event({ n: 1 })], 'any'),
      other.append('test-any', [event({ n: 2 })], 'any'),
      other.append('test-any', [event({ n: 3 })], 'any'),
    ]);
    expect(await store.readStream('test-any')).toHaveLength(4);
    expect(await store.verify('test-any')).toEqual({ ok: true, checked: 4 });
    await other.close();
  });

  it('refuses types KurrentDB reserves, and a partial retry, writing nothing', async () => {
    const before = log.records.length;
    await expect(
      store.append('test-a', [{ ...event(), type: '$metadata' }], 'any'),
    ).rejects.toBeInstanceOf(InvalidAppendError);
    const stored = event();
    await store.append('test-a', [stored], 'no_stream');
    const after = log.records.length;
    await expect(store.append('test-a', [stored, event()], 'any')).rejects.toBeInstanceOf(
      IdempotencyMismatchError,
    );
    expect(log.records.length).toBe(after);
    expect(after).toBeGreaterThan(before);
  });

  it('verify() names an event written into a ledger stream without the adapter', async () => {
    await store.append('budget-a', [event({ amount: 1 })], 'no_stream');
    const forged = toLogEvent(event({ amount: 2 }), 'f'.repeat(64));
    await log.append('budget-a', [forged], 0n);
    const [, second] = log.records.filter((r) => r.stream === 'budget-a');
    expect(await store.verify()).toMatchObject({
      ok: false,
      checked: 1,
      firstMismatch: {
        stream: 'budget-a',
        revision: 1,
        position: Number(second!.commit * 2n + 1n),
        reason: expect.stringContaining('hash mismatch'),
      },
    });
    await log.append(
      'budget-a',
      [{ eventId: randomUUID(), type: 'Raw', data: {}, metadata: {} }],
      1n,
    );
    await expect(store.readStream('budget-a')).rejects.toThrow(
      /budget-a@2\) is not a ledger event: its metadata has no Accord id and hash/,
    );
  });

  it('wakes a waiting subscription when another process appends (no polling needed)', async () => {
    const slow = new KurrentDbEventStore(log, { pollIntervalMs: 60_000 });
    const subscription = slow.subscribe({ fromPosition: (await slow.headPosition()) + 1 });
    const received = (async () => {
      for await (const batch of subscription) return batch;
      return [] as readonly StoredEvent[];
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.append('test-live', [event({ live: true })], 'no_stream');
    const batch = await received;
    subscription.close();
    expect(batch.map((e) => e.stream)).toEqual(['test-live']);
    await slow.close();
  });

  it('migrate copies an SQLite ledger into it, resuming after a stop, and the copy verifies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-kurrent-migrate-'));
    const source = new SqliteEventStore(join(dir, 'source.db'));
    try {
      for (let n = 0; n < 40; n++) {
        const commandId = `command-${n}`;
        const one = () => ({ ...event({ n }), metadata: { commandId } });
        await source.append(`item-${n % 6}`, n % 4 === 0 ? [one(), one()] : [one()], 'any');
      }
      const first = await migrateLedger(source, store, { batchSize: 7, stopAfter: 15 });
      expect(first.copied).toBeGreaterThanOrEqual(15);
      const rest = await migrateLedger(source, store, { batchSize: 7 });
      expect(rest.skipped).toBe(first.copied);
      const copied = await store.readAll(1, 1_000);
      const original = await source.readAll(1, 1_000);
      expect(
        copied.map(({ id, stream, revision, hash, data }) => ({
          id,
          stream,
          revision,
          hash,
          data,
        })),
      ).toEqual(
        original.map(({ id, stream, revision, hash, data }) => ({
          id,
          stream,
          revision,
          hash,
          data,
        })),
      );
      expect(await store.verify()).toEqual({ ok: true, checked: 50 });
    } finally {
      await source.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
