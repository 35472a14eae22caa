import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { NewEvent, StoredEvent } from '../event-store.port';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { describeEventStoreConformance } from '../testing/conformance.suite';
import { createTestDatabase, type TestDatabase } from '../testing/postgres-test-database';
import { PostgresEventStore } from './postgres-event-store';

const event = (data: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type: 'Tested.v1',
  data: data as NewEvent['data'],
  metadata: {},
});

describeEventStoreConformance('PostgreSQL', async () => {
  const database = await createTestDatabase();
  const store = await PostgresEventStore.connect(database.url, { pollIntervalMs: 100 });
  return {
    store,
    reopen: () => PostgresEventStore.connect(database.url),
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
});

describe('PostgreSQL event store', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.drop());

  async function raw<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  it('refuses to update, delete or truncate a stored event', async () => {
    const store = await PostgresEventStore.connect(database.url);
    await store.append('test-1', [event({ amount: 10 })], 'no_stream');
    await store.close();
    await raw(async (client) => {
      await expect(client.query(`UPDATE events SET data = '{"amount":1}'`)).rejects.toThrow(
        /immutable/,
      );
      await expect(client.query('DELETE FROM events')).rejects.toThrow(/immutable/);
      await expect(client.query('TRUNCATE events')).rejects.toThrow(/immutable/);
    });
  });

  it('finds and locates a rewritten actor in the metadata', async () => {
    const store = await PostgresEventStore.connect(database.url);
    const signed = (personId: string): NewEvent => ({
      ...event({ amount: 100 }),
      metadata: { commandId: randomUUID(), actor: { personId, partnerId: 'food-bank' } },
    });
    await store.append('budget-a', [signed('bo'), signed('bo')], 'no_stream');
    const target = (await store.readStream('budget-a'))[1]!;
    await raw(async (client) => {
      await client.query('ALTER TABLE events DISABLE TRIGGER events_are_never_changed');
      await client.query(
        `UPDATE events SET metadata = replace(metadata, '"bo"', '"ana"') WHERE position = $1`,
        [target.position],
      );
    });
    expect((await store.readStream('budget-a'))[1]!.metadata.actor).toMatchObject({
      personId: 'ana',
    });
    expect(await store.verify()).toMatchObject({
      ok: false,
      firstMismatch: {
        stream: 'budget-a',
        revision: 1,
        position: target.position,
        reason: expect.stringContaining('hash mismatch'),
      },
    });
    await store.close();
  });

  it('finds and locates an edited byte', async () => {
    const store = await PostgresEventStore.connect(database.url);
    await store.append('budget-a', [event({ amount: 100 }), event({ amount: 200 })], 'no_stream');
    const target = (await store.readStream('budget-a'))[1]!;
    await raw(async (client) => {
      await client.query('ALTER TABLE events DISABLE TRIGGER events_are_never_changed');
      await client.query(`UPDATE events SET data = '{"amount":201}' WHERE position = $1`, [
        target.position,
      ]);
    });
    expect(await store.verify()).toMatchObject({
      ok: false,
      firstMismatch: {
        stream: 'budget-a',
        revision: 1,
        position: target.position,
        reason: expect.stringContaining('hash mismatch'),
      },
    });
    await store.close();
  });

  it('two stores (as two API processes) race on one stream: one wins, and each sees the other through NOTIFY', async () => {
    const a = await PostgresEventStore.connect(database.url, { pollIntervalMs: 60_000 });
    const b = await PostgresEventStore.connect(database.url, { pollIntervalMs: 60_000 });
    await a.append('shared-1', [event()], 'no_stream');
    const results = await Promise.allSettled([
      a.append('shared-1', [event({ by: 'a' })], 0),
      b.append('shared-1', [event({ by: 'b' })], 0),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason,
    ).toBeInstanceOf(WrongExpectedRevisionError);

    // The poll interval is a minute: only a notification can deliver this within the test.
    const subscription = b.subscribe({ fromPosition: (await b.headPosition()) + 1 });
    const received = (async () => {
      for await (const batch of subscription) return batch;
      return [] as readonly StoredEvent[];
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await a.append('shared-2', [event({ by: 'a' })], 'no_stream');
    const batch = await received;
    subscription.close();
    expect(batch.map((e) => e.stream)).toEqual(['shared-2']);
    await a.close();
    await b.close();
  });

  it('appends that queue while a commit is in flight share one transaction, each with its own fate', async () => {
    const store = await PostgresEventStore.connect(database.url);
    await store.append('busy-1', [event()], 'no_stream');
    const results = await Promise.allSettled([
      ...Array.from({ length: 30 }, (_, n) => store.append(`alone-${n}`, [event()], 'no_stream')),
      store.append('busy-1', [event({ wins: true })], 0),
      store.append('busy-1', [event({ wins: false })], 0),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      ...Array.from({ length: 31 }, () => 'fulfilled'),
      'rejected',
    ]);
    expect((await store.readStream('busy-1')).map((e) => e.data)).toEqual([{}, { wins: true }]);
    await store.close();
    // xmin names the transaction that wrote a row: all of them arrived in one tick.
    const transactions = await raw(async (client) => {
      const { rows } = await client.query<{ n: string }>(
        "SELECT count(DISTINCT xmin::text) AS n FROM events WHERE stream <> 'busy-1' OR revision > 0",
      );
      return Number(rows[0]!.n);
    });
    expect(transactions).toBe(1);
  });

  it('a row the database refuses fails only its own append, not the others of its group', async () => {
    const store = await PostgresEventStore.connect(database.url);
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, (_, n) => store.append(`fine-${n}`, [event()], 'no_stream')),
      // PostgreSQL refuses a NUL character in TEXT, in a row or in the query that looks an id up.
      store.append('odd-1', [{ ...event(), type: 'Nul\u0000.v1' }], 'no_stream'),
      store.append('odd-2', [{ ...event(), id: 'nul-\u0000-id' }], 'no_stream'),
      ...Array.from({ length: 5 }, (_, n) => store.append(`also-${n}`, [event()], 'no_stream')),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      ...Array.from({ length: 5 }, () => 'fulfilled'),
      'rejected',
      'rejected',
      ...Array.from({ length: 5 }, () => 'fulfilled'),
    ]);
    expect(await store.readStream('odd-1')).toEqual([]);
    expect(await store.readStream('odd-2')).toEqual([]);
    const all = await store.readAll(1, 100);
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect((await store.verify()).ok).toBe(true);
    await store.close();
  });

  it('event ids with quotes, backslashes and SQL in them are matched exactly', async () => {
    const store = await PostgresEventStore.connect(database.url);
    const odd = [
      { ...event(), id: `it's` },
      { ...event(), id: 'back\\slash\\' },
      { ...event(), id: `x'); DROP TABLE events; --` },
    ];
    const first = await store.append('odd-1', odd, 'no_stream');
    const again = await store.append('odd-1', odd, 'no_stream');
    expect(again).toEqual({ ...first, duplicate: true });
    expect((await store.readStream('odd-1')).map((e) => e.id)).toEqual(odd.map((e) => e.id));
    await store.close();
  });

  it('a head remembered by one process and moved on by another is caught, and the chain stays whole', async () => {
    const a = await PostgresEventStore.connect(database.url);
    const b = await PostgresEventStore.connect(database.url);
    await a.append('moved-1', [event({ n: 0 })], 'no_stream'); // a remembers revision 0
    // b has seen nothing of the stream: it reads the event at revision 0 to chain after it.
    expect(await b.append('moved-1', [event({ n: 1 })], 0)).toMatchObject({ revision: 1 });
    expect(await b.append('moved-1', [event({ n: 2 })], 'any')).toMatchObject({ revision: 2 });
    // a still remembers revision 0 as the head: the database says otherwise.
    const stale = await a.append('moved-1', [event({ n: 9 })], 0).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
    expect(stale).toMatchObject({ expected: 0, actual: 2 });
    expect(await a.append('moved-1', [event({ n: 3 })], 'any')).toMatchObject({
      revision: 3,
      position: 4,
    });
    expect(await a.append('moved-1', [event({ n: 4 })], 3)).toMatchObject({ revision: 4 });
    await expect(b.append('moved-1', [event({ n: 9 })], 'no_stream')).rejects.toMatchObject({
      actual: 4,
    });
    const stored = await b.readStream('moved-1');
    expect(stored.map((e) => e.data)).toEqual([0, 1, 2, 3, 4].map((n) => ({ n })));
    expect(stored.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
    expect(await b.verify('moved-1')).toMatchObject({ ok: true });
    expect((await a.verify()).ok).toBe(true);
    await a.close();
    await b.close();
  });

  it('concurrent appends from many connections commit in position order with no gaps', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => PostgresEventStore.connect(database.url)));
    await Promise.all(
      stores.flatMap((store, s) =>
        Array.from({ length: 4 }, async (_, w) => {
          for (let n = 0; n < 15; n++)
            await store.append(`writer-${s}${w}`, [event({ n })], n === 0 ? 'no_stream' : n - 1);
        }),
      ),
    );
    const all = await stores[0]!.readAll(1, 10_000);
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    expect((await stores[0]!.verify()).ok).toBe(true);
    await Promise.all(stores.map((s) => s.close()));
  });
});
