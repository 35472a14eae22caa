import {
  type EventStore,
  type NewEvent,
  PostgresEventStore,
  SqliteEventStore,
} from '@accord/event-store';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { createTestDatabase } from '../libs/event-store/src/testing/postgres-test-database';
import { type BenchmarkOptions, type Figure, measure, type Sample, throughput } from './harness';
import {
  EMMETT_POSTGRES,
  EMMETT_SQLITE,
  type EmmettEventStore,
  emmettPostgres,
  emmettSqlite,
  installed,
  toEmmett,
} from './peers';

/** A realistic event: a commitment with resources and the full metadata the API writes. */
/** The event both the benchmark and bench/append-profile.ts append. */
export function commitmentEvent(n: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'CommitmentMade.v1',
    data: {
      commitmentId: `c-${n}`,
      initiativeId: 'bench',
      partnerId: `partner-${n % 200}`,
      description: 'Weekend meal packs for 300 pupils so they come to Monday reading clubs fed',
      resources: {
        money: { amountMinor: '1850000', currency: 'USD' },
        inKind: 'two vans',
        hours: 400,
      },
      dueDate: '2030-06-30',
      madeAt: '2026-03-01T10:00:00.000Z',
    },
    metadata: {
      actor: { personId: 'bo', partnerId: `partner-${n % 200}` },
      commandId: randomUUID(),
      commandType: 'MakeCommitment',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-03-01T10:00:00.000Z',
      recordedAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

/** Appends `count` one-event commands, one durable transaction each, through the store. */
async function appendThroughStore(store: EventStore, count: number): Promise<void> {
  for (let n = 0; n < count; n++)
    await store.append(`commitment-${randomUUID()}`, [commitmentEvent(n)], 'no_stream');
}

/** The same events, one per append to a new stream, through one of Emmett's stores. */
async function appendThroughEmmett(store: EmmettEventStore, count: number): Promise<void> {
  for (let n = 0; n < count; n++)
    await store.appendToStream(`commitment-${randomUUID()}`, [toEmmett(commitmentEvent(n))], {
      expectedStreamVersion: 'STREAM_DOES_NOT_EXIST',
    });
}

/**
 * A peer's appends per second, or undefined when it is not installed: the smoke run (npm test)
 * goes on without it, while the full run insists, so the table never silently lacks a peer.
 */
async function peer(
  name: string,
  options: BenchmarkOptions,
  open: () => Promise<{ append(count: number): Promise<void>; close(): Promise<void> }>,
): Promise<Sample | undefined> {
  if (!installed(name)) {
    if (options.scale >= 2_000) throw new Error(`append: ${name} is not installed in bench/peers`);
    return undefined;
  }
  const store = await open();
  try {
    return await measure(options, () =>
      throughput(options.scale, () => store.append(options.scale)),
    );
  } finally {
    await store.close();
  }
}

function peerFigure(
  subject: string,
  sample: Sample | undefined,
  baseline: string,
  raw: Sample,
): Figure[] {
  if (!sample) return [];
  return [
    {
      benchmark: 'append',
      subject,
      unit: 'events/s',
      better: 'higher',
      sample,
      baseline,
      ratio: sample.median / raw.median,
    },
  ];
}

/** The row a raw driver inserts for one event: the same columns and bytes the stores write. */
function rawRow(position: number, event: NewEvent) {
  const { id, type, data, metadata } = event;
  return [
    position,
    id,
    `commitment-${id}`,
    0,
    type,
    JSON.stringify(data),
    JSON.stringify(metadata),
    'x'.repeat(64),
  ];
}

const RAW_TABLE = `CREATE TABLE IF NOT EXISTS raw_events (
  position BIGINT PRIMARY KEY, id TEXT NOT NULL UNIQUE, stream TEXT NOT NULL, revision INTEGER NOT NULL,
  type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream, revision))`;

/** `clients` workers share `count` operations; each starts its next one when its last is done. */
async function concurrently(
  clients: number,
  count: number,
  work: (n: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

/** Concurrent appenders, one event per command, each command awaited before its next. */
const CLIENTS = [1, 16, 64];
const clientsLabel = (clients: number) => (clients === 1 ? '1 client' : `${clients} clients`);

function concurrentFigures(
  benchmark: string,
  clients: number,
  raw: { subject: string; sample: Sample },
  ours: { subject: string; sample: Sample },
): Figure[] {
  const ratio = ours.sample.median / raw.sample.median;
  // One client cannot share a commit; from two on, group commit should beat one sync per event.
  const goal = clients === 1 ? '>= 0.5 of the raw driver' : '> 1 × the raw driver';
  return [
    { benchmark, subject: raw.subject, unit: 'events/s', better: 'higher', sample: raw.sample },
    {
      benchmark,
      subject: ours.subject,
      unit: 'events/s',
      better: 'higher',
      sample: ours.sample,
      baseline: raw.subject,
      ratio,
      goal,
      goalMet: clients === 1 ? ratio >= 0.5 : ratio > 1,
    },
  ];
}

/** Our store vs better-sqlite3 with one transaction per event, at each number of clients. */
async function sqliteConcurrency(dir: string, options: BenchmarkOptions): Promise<Figure[]> {
  const count = options.scale;
  const rawDb = new Database(join(dir, 'raw-concurrent.db'));
  rawDb.pragma('journal_mode = WAL');
  rawDb.pragma('synchronous = FULL');
  rawDb.exec(RAW_TABLE);
  const insert = rawDb.prepare('INSERT INTO raw_events VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertOne = rawDb.transaction((row: unknown[]) => insert.run(...row));
  const store = new SqliteEventStore(join(dir, 'accord-concurrent.db'));
  let position = 0;
  const figures: Figure[] = [];
  try {
    for (const clients of CLIENTS) {
      const raw = await measure(options, () =>
        throughput(count, () =>
          concurrently(clients, count, (n) => {
            position += 1;
            insertOne(rawRow(position, commitmentEvent(n)));
            return Promise.resolve();
          }),
        ),
      );
      const ours = await measure(options, () =>
        throughput(count, () =>
          concurrently(clients, count, (n) =>
            store.append(`commitment-${randomUUID()}`, [commitmentEvent(n)], 'no_stream'),
          ),
        ),
      );
      figures.push(
        ...concurrentFigures(
          'append, concurrent clients (SQLite)',
          clients,
          {
            subject: `better-sqlite3, raw insert per transaction, ${clientsLabel(clients)}`,
            sample: raw,
          },
          { subject: `Accord SQLite store, group commit, ${clientsLabel(clients)}`, sample: ours },
        ),
      );
    }
  } finally {
    rawDb.close();
    await store.close();
  }
  return figures;
}

/** Our store vs pg with one transaction per event on a connection per client. */
async function postgresConcurrency(options: BenchmarkOptions): Promise<Figure[]> {
  const count = options.scale;
  const rawDatabase = await createTestDatabase();
  const database = await createTestDatabase();
  const store = await PostgresEventStore.connect(database.url);
  let position = 0;
  const figures: Figure[] = [];
  try {
    const setup = new Client({ connectionString: rawDatabase.url });
    await setup.connect();
    await setup.query(RAW_TABLE);
    await setup.end();
    for (const clients of CLIENTS) {
      const pool = new Pool({ connectionString: rawDatabase.url, max: clients });
      const raw = await measure(options, () =>
        throughput(count, () =>
          concurrently(clients, count, async (n) => {
            position += 1;
            const row = rawRow(position, commitmentEvent(n));
            const client = await pool.connect();
            try {
              await client.query('BEGIN');
              await client.query(
                'INSERT INTO raw_events VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
                row,
              );
              await client.query('COMMIT');
            } finally {
              client.release();
            }
          }),
        ),
      );
      await pool.end();
      const ours = await measure(options, () =>
        throughput(count, () =>
          concurrently(clients, count, (n) =>
            store.append(`commitment-${randomUUID()}`, [commitmentEvent(n)], 'no_stream'),
          ),
        ),
      );
      figures.push(
        ...concurrentFigures(
          'append, concurrent clients (PostgreSQL)',
          clients,
          { subject: `pg, raw insert per transaction, ${clientsLabel(clients)}`, sample: raw },
          {
            subject: `Accord PostgreSQL store, group commit, ${clientsLabel(clients)}`,
            sample: ours,
          },
        ),
      );
    }
  } finally {
    await store.close();
    await database.drop();
    await rawDatabase.drop();
  }
  return figures;
}

export async function appendBenchmarks(options: BenchmarkOptions): Promise<Figure[]> {
  const count = options.scale;
  const figures: Figure[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-'));
  try {
    // SQLite: the same rows, the same pragmas (WAL, synchronous FULL), one transaction per event.
    const rawDb = new Database(join(dir, 'raw.db'));
    rawDb.pragma('journal_mode = WAL');
    rawDb.pragma('synchronous = FULL');
    rawDb.exec(RAW_TABLE);
    const insert = rawDb.prepare('INSERT INTO raw_events VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    let position = 0;
    const rawSqlite = await measure(options, () =>
      throughput(count, () => {
        for (let n = 0; n < count; n++) {
          const event = commitmentEvent(n);
          position += 1;
          rawDb.transaction(() => insert.run(...rawRow(position, event)))();
        }
        return Promise.resolve();
      }),
    );
    rawDb.close();
    const sqliteStore = new SqliteEventStore(join(dir, 'accord.db'));
    const ours = await measure(options, () =>
      throughput(count, () => appendThroughStore(sqliteStore, count)),
    );
    await sqliteStore.close();
    const emmettSqliteSample = await peer(EMMETT_SQLITE, options, async () => {
      const store = await emmettSqlite(join(dir, 'emmett.db'));
      return { append: (n) => appendThroughEmmett(store, n), close: () => store.close() };
    });
    figures.push(
      {
        benchmark: 'append',
        subject: 'better-sqlite3, raw insert per transaction',
        unit: 'events/s',
        better: 'higher',
        sample: rawSqlite,
      },
      {
        benchmark: 'append',
        subject: 'Accord SQLite store (checks, hash chain, idempotency)',
        unit: 'events/s',
        better: 'higher',
        sample: ours,
        baseline: 'better-sqlite3, raw insert per transaction',
        ratio: ours.median / rawSqlite.median,
        goal: '>= 0.5 of the raw driver',
        goalMet: ours.median / rawSqlite.median >= 0.5,
      },
      ...peerFigure(
        'Emmett SQLite store (emmett-sqlite, one connection)',
        emmettSqliteSample,
        'better-sqlite3, raw insert per transaction',
        rawSqlite,
      ),
    );

    // PostgreSQL: raw pg inserts vs our store, on the same server, fresh databases.
    const rawPgDatabase = await createTestDatabase();
    const client = new Client({ connectionString: rawPgDatabase.url });
    await client.connect();
    await client.query(RAW_TABLE);
    let pgPosition = 0;
    const rawPg = await measure(options, () =>
      throughput(count, async () => {
        for (let n = 0; n < count; n++) {
          const event = commitmentEvent(n);
          pgPosition += 1;
          await client.query('BEGIN');
          await client.query(
            'INSERT INTO raw_events VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
            rawRow(pgPosition, event),
          );
          await client.query('COMMIT');
        }
      }),
    );
    await client.end();
    await rawPgDatabase.drop();
    const pgDatabase = await createTestDatabase();
    const pgStore = await PostgresEventStore.connect(pgDatabase.url);
    const oursPg = await measure(options, () =>
      throughput(count, () => appendThroughStore(pgStore, count)),
    );
    await pgStore.close();
    await pgDatabase.drop();
    const emmettPgSample = await peer(EMMETT_POSTGRES, options, async () => {
      const database = await createTestDatabase();
      const store = await emmettPostgres(database.url);
      return {
        append: (n) => appendThroughEmmett(store, n),
        close: async () => {
          await store.close();
          await database.drop();
        },
      };
    });
    figures.push(
      {
        benchmark: 'append',
        subject: 'pg, raw insert per transaction',
        unit: 'events/s',
        better: 'higher',
        sample: rawPg,
      },
      {
        benchmark: 'append',
        subject: 'Accord PostgreSQL store (lock, checks, hash chain, notify)',
        unit: 'events/s',
        better: 'higher',
        sample: oursPg,
        baseline: 'pg, raw insert per transaction',
        ratio: oursPg.median / rawPg.median,
        goal: '>= 0.5 of the raw driver',
        goalMet: oursPg.median / rawPg.median >= 0.5,
      },
      ...peerFigure(
        'Emmett PostgreSQL store (emmett-postgresql)',
        emmettPgSample,
        'pg, raw insert per transaction',
        rawPg,
      ),
    );
    figures.push(...(await sqliteConcurrency(dir, options)));
    figures.push(...(await postgresConcurrency(options)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
