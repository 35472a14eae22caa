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
import { createTestDatabase } from '@accord/event-store/testing/postgres-test-database';
import { PostgresReadModelDatabase } from './postgres-read-model-database';
import type { Projection } from './projection';
import type { ReadModelTable } from './read-model-tables';
import { ReadModelAheadOfLogError } from './log-behind';
import {
  ProjectionRunner,
  type ProjectionRunnerOptions,
  ProjectionTimeoutError,
} from './projection-runner';
import { sql, type ReadModelDatabase } from './read-model-database';
import { SqliteReadModelDatabase } from './sqlite-read-model-database';

/**
 * Polls the runner until `settled` holds of its status (the healthy projections at the head, the
 * broken one failed), however slow the machine: a fixed wait would fail on a loaded one.
 */
async function settles(
  runner: ProjectionRunner,
  settled: (status: ReturnType<ProjectionRunner['status']>) => boolean,
): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!settled(runner.status())) {
    if (Date.now() > deadline)
      throw new Error(`the runner did not settle: ${JSON.stringify(runner.status())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const event = (n: number, type = 'Counted.v1'): NewEvent => ({
  id: randomUUID(),
  type,
  data: { n },
  metadata: {},
});

const countedTable = (name: string): ReadModelTable[] => [
  { name: `counted_${name}`, columns: { n: 'integer' }, primaryKey: ['n'] },
];

/** Counts the events it sees into a table whose primary key would refuse a double application. */
function counter(name: string, failOn?: (n: number) => boolean): Projection & { failures: number } {
  const projection = {
    name,
    version: 1,
    failures: 0,
    handles: new Set(['Counted.v1']),
    tables: countedTable(name),
    apply(stored: { data: Record<string, unknown> }) {
      const n = Number(stored.data.n);
      if (failOn?.(n)) {
        projection.failures += 1;
        throw new Error(`cannot count ${n}`);
      }
      return [sql(`INSERT INTO rm_counted_${name} (n) VALUES (?)`, n)];
    },
  };
  return projection;
}

/** Counts too, but while broken, inserts event 3 twice: the database refuses the statement. */
function doubleCounter(name: string, broken: () => boolean): Projection {
  return {
    name,
    version: 1,
    handles: new Set(['Counted.v1']),
    tables: countedTable(name),
    apply(stored) {
      const n = Number(stored.data.n);
      const insert = sql(`INSERT INTO rm_counted_${name} (n) VALUES (?)`, n);
      return broken() && n === 3 ? [insert, insert] : [insert];
    },
  };
}

/**
 * Tallies each event under its parity: a unique index (a constraint), an index only readers
 * use, and a history with copies of both.
 */
function tallies({ parityForWrites = false } = {}): Projection {
  return {
    name: 'tallies',
    version: 1,
    handles: new Set(['Counted.v1']),
    tables: [
      {
        name: 'tallies',
        columns: { n: 'integer', parity: 'text', tens: 'integer' },
        primaryKey: ['n'],
        indexes: {
          by_tens: { on: ['tens', 'n'], unique: true },
          by_parity: { on: ['parity', 'n'], forWrites: parityForWrites },
        },
      },
    ],
    apply(stored) {
      const n = Number(stored.data.n);
      return [
        sql(
          'INSERT INTO rm_tallies (n, parity, tens) VALUES (?, ?, ?)',
          n,
          n % 2 === 0 ? 'even' : 'odd',
          Math.floor(n / 10),
        ),
      ];
    },
  };
}

/** The indexes on the tallies and their history, primary keys aside. */
async function talliesIndexes(db: ReadModelDatabase): Promise<string[]> {
  const rows =
    db.dialect === 'sqlite'
      ? await db.all<{ name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('rm_tallies', 'rm_tallies_h')
           AND name NOT LIKE 'sqlite_autoindex%'`,
        )
      : await db.all<{ name: string }>(
          `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()
           AND tablename IN ('rm_tallies', 'rm_tallies_h') AND indexname NOT LIKE '%_pkey'`,
        );
  return rows.map((row) => row.name).sort();
}

const ALL_TALLIES_INDEXES = [
  'rm_tallies_by_parity',
  'rm_tallies_by_parity_h',
  'rm_tallies_by_tens',
  'rm_tallies_by_tens_h',
  'rm_tallies_h_by_key',
];

const counted = async (db: ReadModelDatabase, name: string) =>
  (await db.all<{ n: number }>(`SELECT n FROM rm_counted_${name} ORDER BY n`)).map((r) =>
    Number(r.n),
  );

interface Ledger {
  store: EventStore;
  readModels: ReadModelDatabase;
}

interface Backend {
  name: string;
  /** Opens a ledger; `again()` opens a second one on the same storage, as another process would. */
  open(): Promise<{ first: Ledger; again(): Promise<Ledger>; cleanup(): Promise<void> }>;
}

const sqliteBackend: Backend = {
  name: 'SQLite',
  open() {
    const dir = mkdtempSync(join(tmpdir(), 'accord-projections-'));
    const connections: Database.Database[] = [];
    const ledgers: Ledger[] = [];
    const connect = (): Ledger => {
      const db = new Database(join(dir, 'ledger.db'));
      connections.push(db);
      const ledger = {
        store: new SqliteEventStore(db, { pollIntervalMs: 20 }),
        readModels: new SqliteReadModelDatabase(db),
      };
      ledgers.push(ledger);
      return ledger;
    };
    return Promise.resolve({
      first: connect(),
      again: () => Promise.resolve(connect()),
      cleanup: async () => {
        for (const ledger of ledgers) await ledger.store.close();
        for (const db of connections) db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  },
};

const postgresBackend: Backend = {
  name: 'PostgreSQL',
  async open() {
    const database = await createTestDatabase();
    const ledgers: Ledger[] = [];
    const connect = async (): Promise<Ledger> => {
      const ledger = {
        store: await PostgresEventStore.connect(database.url, { pollIntervalMs: 50 }),
        readModels: await PostgresReadModelDatabase.connect(database.url),
      };
      ledgers.push(ledger);
      return ledger;
    };
    return {
      first: await connect(),
      again: connect,
      cleanup: async () => {
        for (const ledger of ledgers) {
          await ledger.store.close();
          await ledger.readModels.close();
        }
        await database.drop();
      },
    };
  },
};

describe.each([sqliteBackend, postgresBackend])('ProjectionRunner on $name', (backend) => {
  let opened: Awaited<ReturnType<Backend['open']>>;
  let store: EventStore;
  let db: ReadModelDatabase;
  const runners: ProjectionRunner[] = [];

  beforeEach(async () => {
    opened = await backend.open();
    ({ store, readModels: db } = opened.first);
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    await opened.cleanup();
  });

  const startRunner = async (
    ledger: Ledger,
    projections: Projection[],
    retryDelaysMs?: number[],
  ) => {
    const runner = new ProjectionRunner(ledger.readModels, ledger.store, projections, {
      retryDelaysMs,
    });
    runners.push(runner);
    await runner.start();
    return runner;
  };

  it('catches up, follows the live log, and waitFor resolves once every projection reached a position', async () => {
    for (let n = 1; n <= 5; n++) await store.append(`counter-${n}`, [event(n)], 'no_stream');
    const runner = await startRunner(opened.first, [counter('a'), counter('b')]);
    const { position } = await store.append('counter-6', [event(6)], 'no_stream');
    await runner.waitFor(position, 5_000);
    expect(await counted(db, 'a')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await counted(db, 'b')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(runner.status().map((s) => [s.name, s.position, s.state])).toEqual([
      ['a', position, 'running'],
      ['b', position, 'running'],
    ]);
  });

  it('resumes from its checkpoint after a restart: nothing lost, nothing applied twice', async () => {
    for (let n = 1; n <= 3; n++) await store.append(`counter-${n}`, [event(n)], 'no_stream');
    const first = await startRunner(opened.first, [counter('a')]);
    await first.waitFor(await store.headPosition(), 5_000);
    await first.stop();

    for (let n = 4; n <= 6; n++) await store.append(`counter-${n}`, [event(n)], 'no_stream');
    const second = await startRunner(opened.first, [counter('a')]);
    await second.waitFor(await store.headPosition(), 5_000);
    expect(await counted(db, 'a')).toEqual([1, 2, 3, 4, 5, 6]);
  });

  describe('versions', () => {
    const runTo = async (projection: Projection) => {
      const runner = await startRunner(opened.first, [projection]);
      await runner.waitFor(await store.headPosition(), 5_000);
      await runner.stop();
    };
    /** A row lost behind the runner's back: only building the read model again brings it back. */
    const lose = (n: number) =>
      db.migrate(
        // PostgreSQL's history trigger reads the position being applied: any will do here.
        `${db.dialect === 'postgres' ? "SELECT set_config('accord.position', '0', true);" : ''}
         DELETE FROM rm_counted_a WHERE n = ${n}`,
      );

    beforeEach(async () => {
      for (let n = 1; n <= 3; n++) await store.append(`counter-${n}`, [event(n)], 'no_stream');
      await runTo(counter('a'));
      await lose(2);
    });

    it('builds a read model again from the log when its version changes, and only then', async () => {
      await runTo(counter('a'));
      expect(await counted(db, 'a')).toEqual([1, 3]);
      await runTo({ ...counter('a'), version: 2 });
      expect(await counted(db, 'a')).toEqual([1, 2, 3]);
      await lose(3);
      await runTo({ ...counter('a'), version: 2 });
      expect(await counted(db, 'a')).toEqual([1, 2]);
    });

    it('drops the read model a new one replaces, with its checkpoint', async () => {
      await runTo({ ...counter('b'), replaces: [{ name: 'a', tables: ['rm_counted_a'] }] });
      expect(await counted(db, 'b')).toEqual([1, 2, 3]);
      // What was read from a's table is gone. (Under a loaded full run the table was once seen
      // again, empty, after the drop: the data and checkpoint being gone is what matters here.)
      await expect(counted(db, 'a').catch(() => [])).resolves.toEqual([]);
      expect(await db.checkpoint('a')).toBe(0);
    });

    it('takes a read model built before versions were recorded as version 1', async () => {
      await db.migrate('DELETE FROM accord_read_model_versions');
      await runTo(counter('a'));
      expect(await counted(db, 'a')).toEqual([1, 3]);
      await runTo({ ...counter('a'), version: 2 });
      expect(await counted(db, 'a')).toEqual([1, 2, 3]);
    });
  });

  it('moves the checkpoint past events a projection does not handle', async () => {
    await store.append('other-1', [event(1, 'Other.v1')], 'no_stream');
    const runner = await startRunner(opened.first, [counter('a')]);
    await runner.waitFor(await store.headPosition(), 5_000);
    expect(await counted(db, 'a')).toEqual([]);
    expect(runner.position()).toBe(await store.headPosition());
  });

  it('a failing projection stops only itself, reports the position, retries, and rolls back its batch', async () => {
    let broken = true;
    const flaky = counter('flaky', (n) => broken && n === 3);
    const runner = await startRunner(opened.first, [flaky, counter('healthy')], [20]);
    const positions: number[] = [];
    for (let n = 1; n <= 4; n++)
      positions.push((await store.append(`counter-${n}`, [event(n)], 'no_stream')).position);

    const head = positions[3]!;
    await settles(runner, (status) =>
      status.every((s) => (s.name === 'flaky' ? s.state === 'failed' : s.position === head)),
    );
    await expect(runner.waitFor(head, 200)).rejects.toBeInstanceOf(ProjectionTimeoutError);
    const failed = runner.status().find((s) => s.name === 'flaky')!;
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatchObject({ position: positions[2], message: 'cannot count 3' });
    expect(await counted(db, 'healthy')).toEqual([1, 2, 3, 4]);
    expect(await counted(db, 'flaky')).not.toContain(3);
    expect(flaky.failures).toBeGreaterThan(1);

    broken = false;
    await runner.waitFor(head, 5_000);
    expect(await counted(db, 'flaky')).toEqual([1, 2, 3, 4]);
  });

  it('a statement failing in a batch shared with others rolls back only its own projection, which goes on alone', async () => {
    const positions: number[] = [];
    for (let n = 1; n <= 4; n++)
      positions.push((await store.append(`counter-${n}`, [event(n)], 'no_stream')).position);
    let broken = true;
    const runner = await startRunner(
      opened.first,
      [counter('before'), doubleCounter('strict', () => broken), counter('after')],
      [20],
    );

    const head = positions[3]!;
    await settles(runner, (status) =>
      status.every((s) => (s.name === 'strict' ? s.state === 'failed' : s.position === head)),
    );
    await expect(runner.waitFor(head, 200)).rejects.toBeInstanceOf(ProjectionTimeoutError);
    expect(runner.status().map((s) => [s.name, s.position, s.state])).toEqual([
      ['before', head, 'running'],
      ['strict', 0, 'failed'],
      ['after', head, 'running'],
    ]);
    expect(runner.status()[1]!.lastError?.position).toBe(positions[2]);
    expect(await counted(db, 'before')).toEqual([1, 2, 3, 4]);
    expect(await counted(db, 'after')).toEqual([1, 2, 3, 4]);
    expect(await counted(db, 'strict')).toEqual([]);

    broken = false;
    await runner.waitFor(head, 5_000);
    expect(await counted(db, 'strict')).toEqual([1, 2, 3, 4]);
    const more = await store.append('counter-5', [event(5)], 'no_stream');
    await runner.waitFor(more.position, 5_000);
    for (const name of ['before', 'strict', 'after'])
      expect(await counted(db, name)).toEqual([1, 2, 3, 4, 5]);
  });

  it('two runners on one storage (two API processes) converge and apply every event once', async () => {
    const other = await opened.again();
    const one = await startRunner(opened.first, [counter('shared')]);
    const two = await startRunner(other, [counter('shared')]);
    await Promise.all(
      [opened.first.store, other.store].map(async (writer, w) => {
        for (let n = 0; n < 20; n++)
          await writer.append(`counter-${w}-${n}`, [event(w * 100 + n)], 'no_stream');
      }),
    );
    const head = await store.headPosition();
    await one.waitFor(head, 10_000);
    await two.waitFor(head, 10_000);
    const seen = await counted(db, 'shared');
    expect(seen).toHaveLength(40);
    expect(await counted(other.readModels, 'shared')).toEqual(seen);
  });

  describe('when the log goes back behind the read models', () => {
    /** The store, with a head that reports `lost` fewer events than it holds, as a truncated log would. */
    const rewindable = (real: EventStore) => {
      const rewind = { lost: 0 };
      const store = new Proxy(real, {
        get(target, property) {
          if (property === 'headPosition')
            return async () => (await target.headPosition()) - rewind.lost;
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      return { store, rewind };
    };
    const halting = (runner: ProjectionRunner, options: ProjectionRunnerOptions) =>
      new Promise<ReadModelAheadOfLogError>((resolve) => (options.onHalt = resolve));

    it('refuses to start, naming the read model, its checkpoint and the head', async () => {
      for (let n = 1; n <= 3; n++) await store.append(`counter-${n}`, [event(n)], 'no_stream');
      const first = await startRunner(opened.first, [counter('a')]);
      await first.waitFor(3, 5_000);
      await first.stop();
      const { store: rewound, rewind } = rewindable(store);
      rewind.lost = 2;
      const again = new ProjectionRunner(db, rewound, [counter('a')]);
      await expect(again.start()).rejects.toThrow(
        /^read model a has applied the log up to position 3, but the log ends at position 1: /,
      );
    });

    it('halts at a batch that finds the head behind it: every wait fails with the reason', async () => {
      const { store: rewound, rewind } = rewindable(store);
      const options: ProjectionRunnerOptions = { logCheckIntervalMs: 0 };
      const runner = new ProjectionRunner(db, rewound, [counter('a')], options);
      runners.push(runner);
      const halted = halting(runner, options);
      await runner.start();
      await store.append('counter-1', [event(1)], 'no_stream');
      await runner.waitFor(1, 5_000);
      rewind.lost = 2;
      const pending = runner.waitFor(3, 5_000).catch((error: unknown) => error);
      await store.append('counter-2', [event(2)], 'no_stream');
      // Batch 1's own look may already see the lowered head (before or after event 2 is
      // appended), or batch 2's does: whichever halts it finds the head behind its checkpoint.
      const reason = await halted;
      expect(reason.head).toBeLessThan(reason.checkpoint);
      expect(reason.message).toContain(`up to position ${reason.checkpoint}, but the log ends`);
      expect(await pending).toBeInstanceOf(ReadModelAheadOfLogError);
      await expect(runner.waitFor(1)).rejects.toBeInstanceOf(ReadModelAheadOfLogError);
      await expect(runner.checkLog()).rejects.toBeInstanceOf(ReadModelAheadOfLogError);
      expect(runner.status().map((s) => s.state)).toEqual(['halted']);
    });

    it('halts while idle, found by its periodic look at the head', async () => {
      await store.append('counter-1', [event(1)], 'no_stream');
      const { store: rewound, rewind } = rewindable(store);
      const options: ProjectionRunnerOptions = { logCheckIntervalMs: 5 };
      const runner = new ProjectionRunner(db, rewound, [counter('a')], options);
      runners.push(runner);
      const halted = halting(runner, options);
      await runner.start();
      await runner.waitFor(1, 5_000);
      rewind.lost = 1;
      expect((await halted).checkpoint).toBe(1);
      expect(runner.halted()?.head).toBe(0);
    });
  });

  describe('catching up from zero', () => {
    const appendCounted = async (count: number) => {
      for (let n = 1; n <= count; n++) await store.append(`counter-${n}`, [event(n)], 'no_stream');
      return store.headPosition();
    };
    const talliedNumbers = async () =>
      (await db.all<{ n: number }>('SELECT n FROM rm_tallies ORDER BY n')).map((r) => Number(r.n));

    it('builds the indexes only readers use once it reaches the head, and none before', async () => {
      const head = await appendCounted(50);
      const runner = new ProjectionRunner(db, store, [tallies()], { batchSize: 2 });
      runners.push(runner);
      await runner.start();
      await runner.waitFor(2, 5_000);
      await runner.stop();
      expect(runner.position()).toBeLessThan(head);
      expect(await talliesIndexes(db)).toEqual(['rm_tallies_by_tens', 'rm_tallies_h_by_key']);

      // The next start adds them before it applies anything, then goes on from its checkpoint.
      const again = new ProjectionRunner(db, store, [tallies()]);
      runners.push(again);
      await again.start();
      expect(await talliesIndexes(db)).toEqual(ALL_TALLIES_INDEXES);
      await again.waitFor(head, 5_000);
      expect(await talliedNumbers()).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it('has every index by the time waitFor reports the head reached', async () => {
      const head = await appendCounted(12);
      const runner = await startRunner(opened.first, [tallies()]);
      await runner.waitFor(head, 5_000);
      expect(await talliesIndexes(db)).toEqual(ALL_TALLIES_INDEXES);
      expect(await talliedNumbers()).toHaveLength(12);
    });

    it('keeps, from the start, the indexes the projection says its own statements use', async () => {
      await appendCounted(50);
      const runner = new ProjectionRunner(db, store, [tallies({ parityForWrites: true })], {
        batchSize: 2,
      });
      runners.push(runner);
      await runner.start();
      await runner.waitFor(2, 5_000);
      await runner.stop();
      expect(await talliesIndexes(db)).toEqual([
        'rm_tallies_by_parity',
        'rm_tallies_by_tens',
        'rm_tallies_h_by_key',
      ]);
    });

    it('on an empty log, creates every index at once', async () => {
      await startRunner(opened.first, [tallies()]);
      expect(await talliesIndexes(db)).toEqual(ALL_TALLIES_INDEXES);
    });
  });
});
