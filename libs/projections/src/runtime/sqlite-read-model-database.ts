import type { Database, Statement } from 'better-sqlite3';
import { VERSION_CLOCK_DDL } from './temporal/history-ddl';
import {
  applyEachApart,
  type BatchOutcome,
  CHECKPOINTS_DDL,
  type EventChange,
  needsVersionStamp,
  ProjectionApplyError,
  type ProjectionBatch,
  type ReadModelDatabase,
  type SqlValue,
  type SwapPlan,
} from './read-model-database';

/**
 * Page cache of a read-model connection, in MiB (SQLite's default is 2 MiB). With a million
 * events the read models' indexes (the journal's, the histories') are far larger than 2 MiB and
 * are written at random keys, so every statement read its pages from the OS again. 64 MiB is
 * a bounded share of the API's 400 MB resident budget; the cache fills only as pages are used.
 */
export const READ_MODEL_CACHE_MIB = 64;

export interface SqliteReadModelOptions {
  /** Overrides READ_MODEL_CACHE_MIB; a connection whose cache is already larger keeps it. */
  cacheMiB?: number;
}

/**
 * - cache_size: see READ_MODEL_CACHE_MIB.
 * - temp_store = MEMORY: an UPDATE that fires a history trigger keeps a statement journal
 *   (to undo that statement alone); in a temporary file that cost system calls for every such
 *   statement (replaying 100 000 events: 2.4 s of 14 s CPU, in the kernel).
 * - wal_autocheckpoint: each checkpoint syncs the file; with batches that dirty thousands of
 *   pages the default (1 000 pages) checkpointed after every commit. 10 000 pages: up to 40 MiB
 *   of WAL (the API's SQLite event store shares this connection, so its file too).
 */
function tuneForReadModels(db: Database, cacheMiB: number): void {
  const cacheKiB = cacheMiB * 1024;
  const current = db.pragma('cache_size', { simple: true }) as number;
  // Positive: pages; negative: KiB.
  const currentKiB =
    current < 0
      ? -current
      : (current * (db.pragma('page_size', { simple: true }) as number)) / 1024;
  if (currentKiB < cacheKiB) db.pragma(`cache_size = -${cacheKiB}`);
  db.pragma('temp_store = MEMORY');
  if ((db.pragma('wal_autocheckpoint', { simple: true }) as number) < 10_000)
    db.pragma('wal_autocheckpoint = 10000');
}

/**
 * Read models in the SQLite file of the ledger. better-sqlite3 is synchronous, so a batch is
 * one synchronous transaction: nothing else on this connection can run in the middle of it.
 */
export class SqliteReadModelDatabase implements ReadModelDatabase {
  readonly dialect = 'sqlite';
  private readonly statements = new Map<string, Statement>();

  /** WAL when the connection was opened: read-model commits need not wait for the disk (below). */
  private readonly writeAhead: boolean;

  constructor(
    private readonly db: Database,
    options: SqliteReadModelOptions = {},
  ) {
    tuneForReadModels(db, options.cacheMiB ?? READ_MODEL_CACHE_MIB);
    db.exec(CHECKPOINTS_DDL);
    db.exec(VERSION_CLOCK_DDL);
    this.writeAhead = db.pragma('journal_mode', { simple: true }) === 'wal';
  }

  migrate(ddl: string): Promise<void> {
    // One transaction: each statement on its own would commit, and sync the disk, by itself.
    this.db.transaction(() => this.db.exec(ddl))();
    return Promise.resolve();
  }

  applyBatch(
    projection: string,
    toPosition: number,
    changesAfter: (checkpoint: number) => readonly EventChange[],
  ): Promise<number> {
    try {
      // IMMEDIATE: take the write lock first, so another process's write makes this wait
      // (busy_timeout) instead of failing when a read transaction tries to become a writer.
      const applied = this.withoutWaitingForDisk(() =>
        this.db
          .transaction(() => this.applyPart({ projection, toPosition, changesAfter }))
          .immediate(),
      );
      return Promise.resolve(applied);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /**
   * All the parts in one IMMEDIATE transaction: one commit (one WAL write of the pages they
   * touched) per batch, instead of one per projection and batch. If any part fails, that
   * transaction is rolled back whole and each part is applied again in its own, so only the
   * failing one fails. (Not savepoints: a savepoint keeps a copy of every page it changes
   * that was already dirty, which costs more than the commits it saves.)
   */
  async applyBatches(batches: readonly ProjectionBatch[]): Promise<BatchOutcome[]> {
    try {
      const positions = this.withoutWaitingForDisk(() =>
        this.db.transaction(() => batches.map((batch) => this.applyPart(batch))).immediate(),
      );
      return positions.map((position) => ({ ok: true, position }));
    } catch {
      return applyEachApart(this, batches);
    }
  }

  /** Inside a transaction: the projection's changes after its checkpoint, and the new checkpoint. */
  private applyPart({ projection, toPosition, changesAfter }: ProjectionBatch): number {
    const checkpoint = this.readCheckpoint(projection);
    if (checkpoint >= toPosition) return checkpoint;
    this.applyChanges(changesAfter(checkpoint));
    this.writeCheckpoint(projection, toPosition);
    return toPosition;
  }

  swapIn(
    projection: string,
    build: (checkpoint: number) => SwapPlan | undefined,
  ): Promise<boolean> {
    try {
      const swapped = this.db
        .transaction(() => {
          const plan = build(this.readCheckpoint(projection));
          if (!plan) return false;
          this.applyChanges(plan.changes);
          for (const statement of plan.statements)
            this.prepare(statement.sql).run(...statement.params);
          this.writeCheckpoint(projection, plan.checkpoint);
          return true;
        })
        .immediate();
      return Promise.resolve(swapped);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Each event's statements, after stamping its position for the history triggers. */
  private applyChanges(changes: readonly EventChange[]): void {
    for (const change of changes) {
      try {
        if (needsVersionStamp(change))
          this.prepare('UPDATE accord_version_clock SET position = ? WHERE id = 1').run(
            change.position,
          );
        for (const statement of change.statements)
          this.prepare(statement.sql).run(...statement.params);
      } catch (error) {
        throw new ProjectionApplyError(change.position, error);
      }
    }
  }

  checkpoint(projection: string): Promise<number> {
    return Promise.resolve(this.readCheckpoint(projection));
  }

  all<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return Promise.resolve(this.prepare(text).all(...params) as Row[]);
  }

  get<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return Promise.resolve(this.prepare(text).get(...params) as Row | undefined);
  }

  /** The connection belongs to whoever opened it (it is shared with the event store). */
  close(): Promise<void> {
    return Promise.resolve();
  }

  private readCheckpoint(projection: string): number {
    const row = this.prepare('SELECT position FROM projection_checkpoints WHERE name = ?').get(
      projection,
    ) as { position: number } | undefined;
    return row?.position ?? 0;
  }

  private writeCheckpoint(projection: string, position: number): void {
    this.prepare(
      `INSERT INTO projection_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    ).run(projection, position, new Date().toISOString());
  }

  /**
   * Runs a read-model commit with synchronous = NORMAL on a WAL database: it does not wait for
   * the disk. Every projection committing each batch with an fsync was four fifths of the
   * command path's time (ten read models, ten fsyncs per command). Safe:
   * a read model's rows and checkpoint still commit together, a process crash loses nothing
   * (the WAL is written), and a power loss can lose only the last read-model commits, which
   * are applied again from their checkpoint, because every append (synchronous = FULL) syncs
   * the WAL and with it every commit before it.
   */
  private withoutWaitingForDisk<T>(work: () => T): T {
    if (!this.writeAhead) return work();
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    if (synchronous <= 1) return work();
    this.db.pragma('synchronous = NORMAL');
    try {
      return work();
    } finally {
      this.db.pragma(`synchronous = ${synchronous}`);
    }
  }

  /** Projections run the same few statements for every event: compile each once. */
  private prepare(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }
}
