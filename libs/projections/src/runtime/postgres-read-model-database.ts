import { openPool } from '@accord/event-store';
import { type Pool, type PoolClient, types } from 'pg';
import { POSTGRES_CLOCK_SETTING } from './temporal/history-ddl';
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

// BIGINT (positions, counts) as numbers: positions stay far below 2^53.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

/** `?` placeholders of the portable subset become PostgreSQL's `$1, $2, ...`. */
export function toPostgresPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/**
 * Read models in PostgreSQL, shared by every API process on the database. Each batch locks
 * its projection's checkpoint row (SELECT ... FOR UPDATE), so when two processes race to
 * apply the same events, the second waits, sees the moved checkpoint, and applies nothing twice.
 */
export class PostgresReadModelDatabase implements ReadModelDatabase {
  readonly dialect = 'postgres';

  private constructor(private readonly pool: Pool) {}

  static async connect(connectionString: string): Promise<PostgresReadModelDatabase> {
    const pool = openPool(connectionString, 5);
    const database = new PostgresReadModelDatabase(pool);
    try {
      await database.migrate(CHECKPOINTS_DDL);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return database;
  }

  async migrate(ddl: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      // Several processes may start at once; CREATE ... IF NOT EXISTS still races in PostgreSQL.
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(74152028)');
      await client.query(ddl);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async applyBatch(
    projection: string,
    toPosition: number,
    changesAfter: (checkpoint: number) => readonly EventChange[],
  ): Promise<number> {
    return this.withCheckpointLocked(projection, async (client, checkpoint) => {
      if (checkpoint >= toPosition) return checkpoint;
      await this.applyChanges(client, changesAfter(checkpoint));
      await this.writeCheckpoint(client, projection, toPosition);
      return toPosition;
    });
  }

  /** One transaction per projection: each locks its own checkpoint row, as applyBatch does. */
  applyBatches(batches: readonly ProjectionBatch[]): Promise<BatchOutcome[]> {
    return applyEachApart(this, batches);
  }

  swapIn(
    projection: string,
    build: (checkpoint: number) => SwapPlan | undefined,
  ): Promise<boolean> {
    return this.withCheckpointLocked(projection, async (client, checkpoint) => {
      const plan = build(checkpoint);
      if (!plan) return false;
      await this.applyChanges(client, plan.changes);
      for (const statement of plan.statements) {
        await client.query(toPostgresPlaceholders(statement.sql), [...statement.params]);
      }
      await this.writeCheckpoint(client, projection, plan.checkpoint);
      return true;
    });
  }

  /** Each event's statements, after stamping its position (transaction-local) for the history triggers. */
  private async applyChanges(client: PoolClient, changes: readonly EventChange[]): Promise<void> {
    for (const change of changes) {
      try {
        if (needsVersionStamp(change))
          await client.query('SELECT set_config($1, $2, true)', [
            POSTGRES_CLOCK_SETTING,
            String(change.position),
          ]);
        for (const statement of change.statements)
          await client.query(toPostgresPlaceholders(statement.sql), [...statement.params]);
      } catch (error) {
        throw new ProjectionApplyError(change.position, error);
      }
    }
  }

  /** Runs `work` in a transaction holding the projection's checkpoint row (FOR UPDATE). */
  private async withCheckpointLocked<T>(
    projection: string,
    work: (client: PoolClient, checkpoint: number) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO projection_checkpoints (name, position, updated_at) VALUES ($1, 0, $2) ON CONFLICT (name) DO NOTHING`,
        [projection, new Date().toISOString()],
      );
      const { rows } = await client.query<{ position: number }>(
        'SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE',
        [projection],
      );
      const result = await work(client, rows[0]?.position ?? 0);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async writeCheckpoint(client: PoolClient, projection: string, position: number) {
    await client.query(
      'UPDATE projection_checkpoints SET position = $2, updated_at = $3 WHERE name = $1',
      [projection, position, new Date().toISOString()],
    );
  }

  async checkpoint(projection: string): Promise<number> {
    const row = await this.get<{ position: number }>(
      'SELECT position FROM projection_checkpoints WHERE name = ?',
      [projection],
    );
    return row?.position ?? 0;
  }

  async all<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    const { rows } = await this.pool.query(toPostgresPlaceholders(text), [...params]);
    return rows as Row[];
  }

  async get<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return (await this.all<Row>(text, params))[0];
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
