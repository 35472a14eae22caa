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
import { Client } from 'pg';
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
function commitmentEvent(n: number): NewEvent {
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
    if (options.scale >= 2_000) throw new Error(`append: ${name} is not installed (npm install)`);
    return undefined;
  }
  const store = await open();
  try {
    return await measure(options.runs, () =>
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
    const rawSqlite = await measure(options.runs, () =>
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
    const ours = await measure(options.runs, () =>
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
    const rawPg = await measure(options.runs, () =>
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
    const oursPg = await measure(options.runs, () =>
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
