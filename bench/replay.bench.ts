import { SqliteEventStore } from '@accord/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, SqliteReadModelDatabase } from '@accord/projections';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedLedger, copyLedger, historyEvents } from './generator/ledger-cache';
import { type BenchmarkOptions, type Figure, measure, throughput } from './harness';

/** Progress notes on stderr for `npm run bench`; quiet inside jest's smoke run. */
const note = (line: string) => {
  if (process.env.JEST_WORKER_ID === undefined) console.error(line);
};

export async function replayBenchmarks(options: BenchmarkOptions): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-replay-'));
  try {
    const ledger = await cachedLedger({ events: historyEvents(options.scale), seed: 1 }, note);
    const ledgerFile = copyLedger(ledger, join(dir, 'ledger.db'));
    const store = new SqliteEventStore(ledgerFile);
    const head = await store.headPosition();

    const raw = new Database(ledgerFile, { readonly: true });
    const readAll = raw.prepare<
      [number, number],
      { position: number; data: string; metadata: string }
    >('SELECT * FROM events WHERE position >= ? ORDER BY position LIMIT ?');
    const rawRead = await measure(options.runs, () =>
      throughput(head, () => {
        for (let from = 1; ;) {
          const rows = readAll.all(from, 500);
          if (rows.length === 0) break;
          for (const row of rows) {
            JSON.parse(row.data);
            JSON.parse(row.metadata);
          }
          from = rows[rows.length - 1]!.position + 1;
        }
        return Promise.resolve();
      }),
    );
    raw.close();

    let rebuild = 0;
    /** Rebuilds every read model into a new file until `position`, then deletes the file. */
    const rebuildUpTo = async (position: number) => {
      const readModelFile = join(dir, `read-models-${rebuild++}.db`);
      const readModelDb = new Database(readModelFile);
      readModelDb.pragma('journal_mode = WAL');
      const runner = new ProjectionRunner(
        new SqliteReadModelDatabase(readModelDb),
        store,
        ALL_PROJECTIONS,
      );
      await runner.start();
      await runner.waitFor(position, 600_000);
      await runner.stop();
      readModelDb.close();
      for (const suffix of ['', '-wal', '-shm'])
        rmSync(`${readModelFile}${suffix}`, { force: true });
    };
    // The warm-up replays a tenth of the log: the same code, without another full rebuild's minutes.
    const replay = await measure(
      options.runs,
      () => throughput(head, () => rebuildUpTo(head)),
      () => rebuildUpTo(Math.ceil(head / 10)),
    );
    await store.close();
    const ratio = replay.median / rawRead.median;
    return [
      {
        benchmark: `replay (${head} events)`,
        subject: 'better-sqlite3, read and parse every row',
        unit: 'events/s',
        better: 'higher',
        sample: rawRead,
      },
      {
        benchmark: `replay (${head} events)`,
        subject: 'Accord: rebuild every read model from position 0',
        unit: 'events/s',
        better: 'higher',
        sample: replay,
        baseline: 'better-sqlite3, read and parse every row',
        ratio,
        goal: '>= 0.3 of raw',
        goalMet: ratio >= 0.3,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
