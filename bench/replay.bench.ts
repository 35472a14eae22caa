import { type NewEvent, SqliteEventStore } from '@accord/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, SqliteReadModelDatabase } from '@accord/projections';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchmarkOptions, type Figure, measure, throughput } from './harness';

/**
 * A stand-in history until the generator of the whole governance domain exists: initiatives
 * with partners, and commitments that are made, reported on, and fulfilled or withdrawn.
 */
async function generateHistory(store: SqliteEventStore, events: number): Promise<void> {
  const meta = () => ({
    commandId: randomUUID(),
    occurredAt: '2026-01-01T00:00:00.000Z',
    schemaVersion: 1,
  });
  const one = (type: string, data: Record<string, unknown>): NewEvent[] => [
    { id: randomUUID(), type, data: data as NewEvent['data'], metadata: meta() },
  ];
  let written = 0;
  for (let i = 0; written < events; i++) {
    const initiativeId = `i${i}`;
    await store.append(
      `initiative-${initiativeId}`,
      one('InitiativeLaunched.v1', {
        initiativeId,
        name: `Initiative ${i}`,
        problemStatement: 'p',
        commonAgenda: 'a',
        launchedAt: '2026-01-01T00:00:00.000Z',
      }),
      'no_stream',
    );
    written += 1;
    for (let p = 0; p < 20 && written < events; p++) {
      await store.append(
        `initiative-${initiativeId}`,
        one('PartnerJoined.v1', {
          initiativeId,
          partnerId: `p${p}`,
          organisationName: `Org ${p}`,
          sector: 'nonprofit',
          joinedAt: '2026-01-02T00:00:00.000Z',
        }),
        p,
      );
      written += 1;
    }
    for (let c = 0; c < 100 && written < events; c++) {
      const commitmentId = `${initiativeId}-c${c}`;
      const ids = { commitmentId, initiativeId, partnerId: `p${c % 20}` };
      const stream = `commitment-${commitmentId}`;
      await store.append(
        stream,
        one('CommitmentMade.v1', {
          ...ids,
          description: 'Deliver something useful',
          resources: { money: { amountMinor: '100000', currency: 'USD' }, inKind: null, hours: 10 },
          dueDate: '2027-01-01',
          madeAt: '2026-01-03T00:00:00.000Z',
        }),
        'no_stream',
      );
      await store.append(
        stream,
        one('ProgressReported.v1', {
          ...ids,
          percent: 50,
          note: 'half way',
          reportedAt: '2026-06-01T00:00:00.000Z',
        }),
        0,
      );
      await store.append(
        stream,
        c % 4 === 0
          ? one('CommitmentWithdrawn.v1', {
              ...ids,
              reason: 'lost funding',
              withdrawnAt: '2026-09-01T00:00:00.000Z',
            })
          : one('CommitmentFulfilled.v1', {
              ...ids,
              note: 'done',
              fulfilledAt: '2026-09-01T00:00:00.000Z',
            }),
        1,
      );
      written += 3;
    }
  }
}

export async function replayBenchmarks(options: BenchmarkOptions): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-replay-'));
  try {
    const ledgerFile = join(dir, 'ledger.db');
    const store = new SqliteEventStore(ledgerFile);
    await generateHistory(store, options.scale);
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
    const replay = await measure(options.runs, () => {
      const readModelDb = new Database(join(dir, `read-models-${rebuild++}.db`));
      readModelDb.pragma('journal_mode = WAL');
      const runner = new ProjectionRunner(
        new SqliteReadModelDatabase(readModelDb),
        store,
        ALL_PROJECTIONS,
      );
      return throughput(head, async () => {
        await runner.start();
        await runner.waitFor(head, 600_000);
        await runner.stop();
        readModelDb.close();
      });
    });
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
