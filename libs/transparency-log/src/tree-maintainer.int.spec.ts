import { type NewEvent, SqliteEventStore } from '@accord/event-store';
import { SqliteReadModelDatabase } from '@accord/projections';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogKey } from './log-key';
import { originOf } from './log-trees';
import { TreeMaintainer } from './tree-maintainer';
import { verifyLedger } from './tree-verifier';

const progress = (initiativeId: string, percent: number): NewEvent => ({
  id: randomUUID(),
  type: 'ProgressReported.v1',
  data: { initiativeId, percent },
  metadata: { recordedAt: '2026-01-01T00:00:00.000Z' },
});

const KEY = new LogKey(Buffer.alloc(32, 5));
const HOST = 'test.local';

// Following the live log, the maintainer lets appends gather after a batch (gatherMs) so that
// one transaction holds many events. The wait is set far longer than any test here runs: only
// a waitFor or stop() can end it.
describe('TreeMaintainer: appends gather into one transaction', () => {
  let dir: string;
  let db: Database.Database;
  let store: SqliteEventStore;
  let readModels: SqliteReadModelDatabase;
  let maintainer: TreeMaintainer;

  const open = () =>
    new TreeMaintainer(readModels, store, KEY, {
      originHost: HOST,
      checkpointEveryEvents: 5,
      checkpointIntervalMs: 3_600_000,
      gatherMs: 3_600_000,
    });

  /** One event per append, as commands append, over three initiatives' streams. */
  async function appendSome(count: number): Promise<number> {
    let last = 0;
    for (let i = 0; i < count; i += 1) {
      const result = await store.append(
        `commitment-i-${i % 3}`,
        [progress(`i-${i % 3}`, i)],
        'any',
      );
      last = result.position;
    }
    return last;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-tree-gather-'));
    db = new Database(join(dir, 'accord.db'));
    store = new SqliteEventStore(db);
    readModels = new SqliteReadModelDatabase(db);
    maintainer = open();
  });
  afterEach(async () => {
    await maintainer.stop();
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a lone append goes in at once; the appends after it in one batch, which a waitFor lets in', async () => {
    await maintainer.start();
    const commits = jest.spyOn(readModels, 'applyBatch');
    const first = await appendSome(1);
    await maintainer.waitFor(first, 30_000);
    expect(maintainer.position).toBe(first);

    const last = await appendSome(20);
    await maintainer.waitFor(last, 30_000);
    expect(maintainer.position).toBe(last);
    // The first append's batch, then the twenty gathered meanwhile: two transactions.
    expect(commits).toHaveBeenCalledTimes(2);

    await maintainer.signNow();
    const { chains, trees } = await verifyLedger(store, maintainer.trees, KEY, (tree) =>
      originOf(HOST, tree),
    );
    expect(chains.ok).toBe(true);
    expect(trees.problems).toEqual([]);
    expect(trees.events).toBe(21);
  });

  it('stop() ends a gathering, and a restart goes on from the rows, each event once', async () => {
    await maintainer.start();
    const first = await appendSome(4);
    await maintainer.waitFor(first, 30_000);
    await maintainer.stop();

    const last = await appendSome(7);
    maintainer = open();
    await maintainer.start();
    await maintainer.waitFor(last, 30_000);
    expect(maintainer.position).toBe(last);
    const leaves = db
      .prepare<[], { count: number; positions: number }>(
        'SELECT COUNT(*) AS count, COUNT(DISTINCT position) AS positions FROM tlog_leaves',
      )
      .get();
    expect(leaves).toEqual({ count: 11, positions: 11 });
    await maintainer.signNow();
    const { trees } = await verifyLedger(store, maintainer.trees, KEY, (tree) =>
      originOf(HOST, tree),
    );
    expect(trees.problems).toEqual([]);
    expect(trees.events).toBe(11);
  });
});
