import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrongExpectedRevisionError } from '../event-store.errors';
import type { NewEvent, StoredEvent } from '../event-store.port';
import { describeEventStoreConformance } from '../testing/conformance.suite';
import { SqliteEventStore } from './sqlite-event-store';

const tempDir = () => mkdtempSync(join(tmpdir(), 'accord-sqlite-'));
const event = (data: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type: 'Tested.v1',
  data: data as NewEvent['data'],
  metadata: {},
});

describeEventStoreConformance('SQLite', () => {
  const dir = tempDir();
  const store = new SqliteEventStore(join(dir, 'ledger.db'), { pollIntervalMs: 50 });
  return Promise.resolve({
    store,
    reopen: () => Promise.resolve(new SqliteEventStore(join(dir, 'ledger.db'))),
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
});

describe('SQLite event store', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = join(dir, 'nested', 'ledger.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the file and its folder, in WAL mode with synchronous FULL', async () => {
    const store = new SqliteEventStore(file);
    await store.append('test-1', [event()], 'no_stream');
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const check = new Database(file);
    const store2 = new SqliteEventStore(check);
    expect(check.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    await store2.close();
    check.close();
  });

  it('refuses to update or delete a stored event', async () => {
    const store = new SqliteEventStore(file);
    await store.append('test-1', [event({ amount: 10 })], 'no_stream');
    await store.close();
    const db = new Database(file);
    expect(() => db.prepare(`UPDATE events SET data = '{"amount":1}'`).run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/immutable/);
    db.close();
  });

  describe('tampering with the file is found and located', () => {
    async function tamperedLedger(): Promise<StoredEvent> {
      const store = new SqliteEventStore(file);
      await store.append('budget-a', [event({ amount: 100 }), event({ amount: 200 })], 'no_stream');
      await store.append('budget-b', [event({ amount: 300 })], 'no_stream');
      await store.append('budget-a', [event({ amount: 400 })], 1);
      const target = (await store.readStream('budget-a'))[1]!;
      await store.close();
      const db = new Database(file);
      db.exec('DROP TRIGGER events_are_never_updated');
      db.prepare(`UPDATE events SET data = '{"amount":900}' WHERE position = ?`).run(
        target.position,
      );
      db.close();
      return target;
    }

    it('verify() of the whole log names the first edited event', async () => {
      const target = await tamperedLedger();
      const store = new SqliteEventStore(file);
      const result = await store.verify();
      expect(result).toMatchObject({
        ok: false,
        checked: 1,
        firstMismatch: {
          stream: 'budget-a',
          revision: 1,
          position: target.position,
          reason: expect.stringContaining('hash mismatch'),
        },
      });
      expect(await store.verify('budget-b')).toEqual({ ok: true, checked: 1 });
      expect(await store.verify('budget-a')).toMatchObject({
        ok: false,
        firstMismatch: { revision: 1, position: target.position },
      });
      await store.close();
    });

    it('a rewritten actor in the metadata is found and located, the data untouched', async () => {
      const store = new SqliteEventStore(file);
      const signed = (personId: string): NewEvent => ({
        ...event({ amount: 100 }),
        metadata: { commandId: randomUUID(), actor: { personId, partnerId: 'food-bank' } },
      });
      await store.append('budget-a', [signed('bo'), signed('bo')], 'no_stream');
      const target = (await store.readStream('budget-a'))[1]!;
      await store.close();
      const db = new Database(file);
      db.exec('DROP TRIGGER events_are_never_updated');
      db.prepare(
        `UPDATE events SET metadata = replace(metadata, '"bo"', '"ana"') WHERE position = ?`,
      ).run(target.position);
      db.close();
      const reopened = new SqliteEventStore(file);
      expect((await reopened.readStream('budget-a'))[1]!.metadata.actor).toEqual({
        personId: 'ana',
        partnerId: 'food-bank',
      });
      expect(await reopened.verify()).toMatchObject({
        ok: false,
        checked: 1,
        firstMismatch: {
          stream: 'budget-a',
          revision: 1,
          position: target.position,
          reason: expect.stringContaining('hash mismatch'),
        },
      });
      await reopened.close();
    });

    it('an edited hash breaks the chain at the next event', async () => {
      const store = new SqliteEventStore(file);
      await store.append('budget-a', [event({ amount: 1 }), event({ amount: 2 })], 'no_stream');
      const [first] = await store.readStream('budget-a');
      await store.close();
      const db = new Database(file);
      db.exec('DROP TRIGGER events_are_never_updated');
      db.prepare(`UPDATE events SET hash = ? WHERE position = ?`).run(
        '0'.repeat(64),
        first!.position,
      );
      db.close();
      const reopened = new SqliteEventStore(file);
      expect(await reopened.verify()).toMatchObject({
        ok: false,
        firstMismatch: { position: first!.position },
      });
      await reopened.close();
    });
  });

  it('two stores on one file (as two processes would be) race safely and see each other', async () => {
    const a = new SqliteEventStore(file, { pollIntervalMs: 20 });
    const b = new SqliteEventStore(file, { pollIntervalMs: 20 });
    await a.append('shared-1', [event({ by: 'a' })], 'no_stream');
    const subscription = b.subscribe({ fromPosition: 1 });
    const results = await Promise.allSettled([
      a.append('shared-1', [event({ by: 'a' })], 0),
      b.append('shared-1', [event({ by: 'b' })], 0),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(WrongExpectedRevisionError);

    await a.append('shared-2', [event({ by: 'a' })], 'no_stream');
    const seen: StoredEvent[] = [];
    for await (const batch of subscription) {
      seen.push(...batch);
      if (seen.length >= 3) break;
    }
    subscription.close();
    expect(seen.map((e) => e.stream)).toEqual(['shared-1', 'shared-1', 'shared-2']);
    await a.close();
    await b.close();
  });

  it('a subscription behind a log rewound under it waits for the next append instead of spinning on reads', async () => {
    const store = new SqliteEventStore(file, { pollIntervalMs: 60_000 });
    for (let n = 1; n <= 5; n++) await store.append(`item-${n}`, [event({ n })], 'no_stream');
    // Events 4 and 5 vanish behind the store's back (an operator truncating the file).
    const raw = new Database(file);
    raw.exec('DROP TRIGGER events_are_never_deleted');
    raw.prepare('DELETE FROM events WHERE position > 3').run();
    raw.close();
    const readAll = store.readAll.bind(store);
    const reads = jest.spyOn(store, 'readAll').mockImplementation((from, limit) => {
      // Without the fix the reads never yield to timers: end them so the test fails, not hangs.
      if (reads.mock.calls.length > 100) subscription.close();
      return readAll(from, limit);
    });
    const subscription = store.subscribe({ fromPosition: 4 });
    const nextBatch = subscription[Symbol.asyncIterator]().next();
    // Spinning on reads that resolve at once would starve this timer forever.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
    await store.append('item-6', [event({ n: 6 })], 'no_stream');
    const { value } = await nextBatch;
    expect((value as StoredEvent[]).map((e) => e.data.n)).toEqual([6]);
    subscription.close();
    await store.close();
  });

  it('subscriptions catching up together read and parse each full batch once', async () => {
    const store = new SqliteEventStore(file, { pollIntervalMs: 20 });
    for (let n = 0; n < 100; n++) await store.append(`item-${n}`, [event({ n })], 'no_stream');
    const reads = jest.spyOn(store, 'readAll');
    const drain = async () => {
      const subscription = store.subscribe({ fromPosition: 1, batchSize: 10 });
      const seen: StoredEvent[] = [];
      for await (const batch of subscription) {
        seen.push(...batch);
        if (seen.length >= 100) break;
      }
      subscription.close();
      return seen;
    };
    const [first, second] = await Promise.all([drain(), drain()]);
    expect(first.map((e) => e.data.n)).toEqual(Array.from({ length: 100 }, (_, n) => n));
    expect(second).toEqual(first);
    expect(second[42]).toBe(first[42]);
    expect(reads).toHaveBeenCalledTimes(10);
    await store.close();
  });

  /**
   * Transactions committed since the last checkpoint, counted in the WAL file itself: a frame
   * whose header carries a database size (bytes 4-7) ends a committed transaction.
   */
  function commitsInWal(): number {
    const wal = readFileSync(`${file}-wal`);
    const pageSize = wal.readUInt32BE(8);
    let commits = 0;
    for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize)
      if (wal.readUInt32BE(at + 4) > 0) commits += 1;
    return commits;
  }

  it('appends made in the same turn of the event loop commit in one transaction, each with its own fate', async () => {
    const store = new SqliteEventStore(file);
    await store.append('busy-1', [event()], 'no_stream');
    new Database(file).pragma('wal_checkpoint(TRUNCATE)');
    const results = await Promise.allSettled([
      ...Array.from({ length: 30 }, (_, n) => store.append(`alone-${n}`, [event()], 'no_stream')),
      store.append('busy-1', [event({ wins: true })], 0),
      store.append('busy-1', [event({ wins: false })], 0),
    ]);
    expect(commitsInWal()).toBe(1);
    expect(results.map((r) => r.status)).toEqual([
      ...Array.from({ length: 30 }, () => 'fulfilled'),
      'fulfilled',
      'rejected',
    ]);
    expect((await store.readStream('busy-1')).map((e) => e.data)).toEqual([{}, { wins: true }]);
    await store.close();
  });

  it('close() commits and answers the appends it has accepted', async () => {
    const store = new SqliteEventStore(file);
    const pending = store.append('late-1', [event({ n: 1 })], 'no_stream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ revision: 0, duplicate: false });
    const reopened = new SqliteEventStore(file);
    expect((await reopened.readStream('late-1')).map((e) => e.data)).toEqual([{ n: 1 }]);
    await reopened.close();
  });

  it('every acknowledged append survives a kill -9 of the writing process', async () => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        join(__dirname, '..', '..', '..', '..', 'tools', 'register-ts.js'),
        join(__dirname, '..', 'testing', 'append-until-killed.ts'),
        file,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const acknowledged: number[] = [];
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        acknowledged.push(...lines.map(Number));
        if (acknowledged.length >= 200) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited early: ${code}`)),
      );
    });
    await new Promise((resolve) => child.once('close', resolve));

    const store = new SqliteEventStore(file);
    const positions = new Set((await store.readAll(1, 10_000)).map((e) => e.position));
    for (const position of acknowledged) expect(positions.has(position)).toBe(true);
    expect((await store.verify()).ok).toBe(true);
    await store.close();
  }, 60_000);
});
