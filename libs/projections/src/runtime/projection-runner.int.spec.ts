import { SqliteEventStore, type NewEvent } from '@accord/event-store';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqliteProjection } from './projection';
import { ProjectionRunner, ProjectionTimeoutError } from './projection-runner';

const event = (n: number, type = 'Counted.v1'): NewEvent => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type,
  data: { n },
  metadata: {},
});

/** Counts the events it sees, in a table, so a double application would show. */
function counter(
  name: string,
  failOn?: (n: number) => boolean,
): SqliteProjection & { failures: number } {
  const projection = {
    name,
    failures: 0,
    handles: new Set(['Counted.v1']),
    migrate(db: Database.Database) {
      db.exec(`CREATE TABLE IF NOT EXISTS ${name.replace(/-/g, '_')} (n INTEGER PRIMARY KEY)`);
    },
    apply(db: Database.Database, stored: { data: Record<string, unknown> }) {
      const n = Number(stored.data.n);
      if (failOn?.(n)) {
        projection.failures += 1;
        throw new Error(`cannot count ${n}`);
      }
      db.prepare(`INSERT INTO ${name.replace(/-/g, '_')} (n) VALUES (?)`).run(n);
    },
  };
  return projection;
}

const counted = (db: Database.Database, name: string) =>
  (db.prepare(`SELECT n FROM ${name.replace(/-/g, '_')} ORDER BY n`).all() as { n: number }[]).map(
    (r) => r.n,
  );

describe('ProjectionRunner on SQLite', () => {
  let dir: string;
  let db: Database.Database;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-projections-'));
    db = new Database(join(dir, 'ledger.db'));
    store = new SqliteEventStore(db);
  });
  afterEach(async () => {
    await store.close();
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up, follows the live log, and waitFor resolves once every projection reached a position', async () => {
    for (let n = 1; n <= 5; n++) await store.append(`counter-${n}`, [event(n)], 'no_stream');
    const runner = new ProjectionRunner(db, store, [counter('a'), counter('b')]);
    runner.start();
    const { position } = await store.append('counter-6', [event(6)], 'no_stream');
    await runner.waitFor(position, 5_000);
    expect(counted(db, 'a')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(counted(db, 'b')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(runner.status().map((s) => [s.name, s.position, s.state])).toEqual([
      ['a', position, 'running'],
      ['b', position, 'running'],
    ]);
    await runner.stop();
  });

  it('resumes from its checkpoint after a restart: nothing lost, nothing applied twice', async () => {
    for (let n = 1; n <= 3; n++) await store.append(`counter-${n}`, [event(n)], 'no_stream');
    const first = new ProjectionRunner(db, store, [counter('a')]);
    first.start();
    await first.waitFor(await store.headPosition(), 5_000);
    await first.stop();

    for (let n = 4; n <= 6; n++) await store.append(`counter-${n}`, [event(n)], 'no_stream');
    const second = new ProjectionRunner(db, store, [counter('a')]);
    second.start();
    await second.waitFor(await store.headPosition(), 5_000);
    expect(counted(db, 'a')).toEqual([1, 2, 3, 4, 5, 6]);
    await second.stop();
  });

  it('moves the checkpoint past events a projection does not handle', async () => {
    await store.append('other-1', [event(1, 'Other.v1')], 'no_stream');
    const runner = new ProjectionRunner(db, store, [counter('a')]);
    runner.start();
    await runner.waitFor(await store.headPosition(), 5_000);
    expect(counted(db, 'a')).toEqual([]);
    expect(runner.position()).toBe(await store.headPosition());
    await runner.stop();
  });

  it('a failing projection stops only itself, reports the position, retries, and rolls back its batch', async () => {
    let broken = true;
    const flaky = counter('flaky', (n) => broken && n === 3);
    const healthy = counter('healthy');
    const runner = new ProjectionRunner(db, store, [flaky, healthy], { retryDelaysMs: [20] });
    runner.start();
    const positions: number[] = [];
    for (let n = 1; n <= 4; n++)
      positions.push((await store.append(`counter-${n}`, [event(n)], 'no_stream')).position);

    const head = positions[3]!;
    await expect(runner.waitFor(head, 300)).rejects.toBeInstanceOf(ProjectionTimeoutError);
    const failed = runner.status().find((s) => s.name === 'flaky')!;
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatchObject({ position: positions[2], message: 'cannot count 3' });
    expect(counted(db, 'healthy')).toEqual([1, 2, 3, 4]);
    expect(counted(db, 'flaky')).not.toContain(3);
    expect(flaky.failures).toBeGreaterThan(1);

    broken = false;
    await runner.waitFor(head, 5_000);
    expect(counted(db, 'flaky')).toEqual([1, 2, 3, 4]);
    await runner.stop();
  });
});
