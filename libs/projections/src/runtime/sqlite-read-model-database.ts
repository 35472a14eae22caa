import type { Database, Statement } from 'better-sqlite3';
import { VERSION_CLOCK_DDL } from './temporal/history-ddl';
import {
  CHECKPOINTS_DDL,
  type EventChange,
  ProjectionApplyError,
  type ReadModelDatabase,
  type SqlValue,
  type SwapPlan,
} from './read-model-database';

/**
 * Read models in the SQLite file of the ledger. better-sqlite3 is synchronous, so a batch is
 * one synchronous transaction: nothing else on this connection can run in the middle of it.
 */
export class SqliteReadModelDatabase implements ReadModelDatabase {
  readonly dialect = 'sqlite';
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {
    db.exec(CHECKPOINTS_DDL);
    db.exec(VERSION_CLOCK_DDL);
  }

  migrate(ddl: string): Promise<void> {
    this.db.exec(ddl);
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
          .transaction(() => {
            const checkpoint = this.readCheckpoint(projection);
            if (checkpoint >= toPosition) return checkpoint;
            this.applyChanges(changesAfter(checkpoint));
            this.writeCheckpoint(projection, toPosition);
            return toPosition;
          })
          .immediate(),
      );
      return Promise.resolve(applied);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
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
   * command path's time (ten read models, ten fsyncs per command) and most of a replay's. Safe:
   * a read model's rows and checkpoint still commit together, a process crash loses nothing
   * (the WAL is written), and a power loss can lose only the last read-model commits, which
   * are applied again from their checkpoint, because every append (synchronous = FULL) syncs
   * the WAL and with it every commit before it.
   */
  private withoutWaitingForDisk<T>(work: () => T): T {
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    if (synchronous <= 1 || this.db.pragma('journal_mode', { simple: true }) !== 'wal')
      return work();
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
