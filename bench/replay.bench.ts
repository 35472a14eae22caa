import { SqliteEventStore } from '@accord/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, SqliteReadModelDatabase } from '@accord/projections';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedLedger, copyLedger, historyEvents } from './generator/ledger-cache';
import { type BenchmarkOptions, type Figure, measure, throughput } from './harness';
import { caughtUpLedgerFile } from './startup.bench';

/** Progress notes on stderr for `npm run bench`; quiet inside jest's smoke run. */
const note = (line: string) => {
  if (process.env.JEST_WORKER_ID === undefined) console.error(line);
};

/** Moves a caught-up copy into the cache if none is there yet; otherwise deletes it. */
function keepAsCaughtUp(file: string, cached: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  if (existsSync(cached)) return rmSync(file, { force: true });
  const partial = `${cached}.partial-${process.pid}`;
  copyFileSync(file, partial);
  rmSync(file, { force: true });
  renameSync(partial, cached);
}

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
    const rawRead = await measure(options, () =>
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
    /**
     * Catches every read model up from zero to `position` on a fresh copy of the ledger, in the
     * ledger's own file on one connection, as the API keeps them. Times only the catch-up.
     */
    const rebuildUpTo = async (position: number) => {
      const file = copyLedger(ledger, join(dir, `rebuild-${rebuild++}.db`));
      const db = new Database(file);
      const rebuilding = new SqliteEventStore(db);
      const runner = new ProjectionRunner(
        new SqliteReadModelDatabase(db),
        rebuilding,
        ALL_PROJECTIONS,
      );
      const started = process.hrtime.bigint();
      await runner.start();
      await runner.waitFor(position, 600_000);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      await runner.stop();
      await rebuilding.close();
      db.close();
      return { file, seconds };
    };
    // The start-up and as-of benchmarks need this ledger caught up: the first full rebuild is
    // kept for them, rather than catching up a million events once more through the API.
    const caughtUp = caughtUpLedgerFile(ledger);
    const replay = await measure(
      options,
      async () => {
        const { file, seconds } = await rebuildUpTo(head);
        keepAsCaughtUp(file, caughtUp);
        return head / seconds;
      },
      // The warm-up replays a tenth of the log: the same code, without another full rebuild.
      async () => rmSync((await rebuildUpTo(Math.ceil(head / 10))).file, { force: true }),
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
        subject:
          'Accord: catch every read model up from position 0 (in the ledger file, as the API does)',
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
