/**
 * Read models are written in a portable SQL subset that SQLite and PostgreSQL both run:
 * `?` placeholders (never a literal `?` in the text), TEXT / INTEGER / BIGINT / DOUBLE PRECISION
 * columns, CREATE ... IF NOT EXISTS, INSERT ... ON CONFLICT ... DO UPDATE.
 */
export type SqlValue = string | number | null;

export interface SqlStatement {
  sql: string;
  params: readonly SqlValue[];
}

export const sql = (text: string, ...params: SqlValue[]): SqlStatement => ({ sql: text, params });

/** The statements one event turns into, with its position so a failure names the event. */
export interface EventChange {
  position: number;
  statements: readonly SqlStatement[];
  /**
   * False when the statements write only tables that keep no history (the journal's event
   * rows): then no trigger reads the position, and it is not stamped. Stamped when absent.
   */
  versioned?: boolean;
}

/** Whether the history triggers need the change's position stamped before its statements run. */
export const needsVersionStamp = (change: EventChange): boolean =>
  change.statements.length > 0 && change.versioned !== false;

/** One projection's part of a batch of the log: the changes after its checkpoint, up to `toPosition`. */
export interface ProjectionBatch {
  projection: string;
  toPosition: number;
  changesAfter: (checkpoint: number) => readonly EventChange[];
}

/** What one projection's part came to: its checkpoint after, or the error that rolled it back. */
export type BatchOutcome = { ok: true; position: number } | { ok: false; error: unknown };

export interface SwapPlan {
  /** Events applied to the new tables first (each stamped on the row versions it makes). */
  changes: readonly EventChange[];
  /** Then the statements that switch the tables. */
  statements: readonly SqlStatement[];
  checkpoint: number;
}

export class ProjectionApplyError extends Error {
  constructor(
    readonly position: number,
    readonly reason: unknown,
  ) {
    super(
      `event at position ${position}: ${reason instanceof Error ? reason.message : String(reason)}`,
    );
    this.name = 'ProjectionApplyError';
  }
}

export interface ReadModelDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs DDL (several statements allowed). */
  migrate(ddl: string): Promise<void>;
  /**
   * In one transaction: reads the projection's checkpoint (locking it against other processes),
   * applies the changes `changesAfter(checkpoint)` returns, and moves the checkpoint to
   * `toPosition`. Returns the checkpoint after the transaction. A failing statement rolls
   * everything back and surfaces as ProjectionApplyError naming its event.
   */
  applyBatch(
    projection: string,
    toPosition: number,
    changesAfter: (checkpoint: number) => readonly EventChange[],
  ): Promise<number>;
  /**
   * Several projections' parts of one batch, each applied as applyBatch applies it (its rows and
   * checkpoint together, or neither), in one commit where the database can: a projection that
   * fails has its own changes rolled back and its error returned, and the others still commit.
   * Rejects only when the whole commit fails (then nothing was applied).
   */
  applyBatches(batches: readonly ProjectionBatch[]): Promise<BatchOutcome[]>;
  checkpoint(projection: string): Promise<number>;
  /**
   * In one transaction holding the projection's checkpoint (locked against other processes):
   * `build(checkpoint)` returns statements that replace the projection's tables and the
   * checkpoint they bring it to, or undefined when it cannot yet (it needs later events).
   * Readers see the old tables until the commit, then the new ones. Returns whether it swapped.
   */
  swapIn(projection: string, build: (checkpoint: number) => SwapPlan | undefined): Promise<boolean>;
  all<Row>(text: string, params?: readonly SqlValue[]): Promise<Row[]>;
  get<Row>(text: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  close(): Promise<void>;
}

export const CHECKPOINTS_DDL = `CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name TEXT PRIMARY KEY,
  position BIGINT NOT NULL,
  updated_at TEXT NOT NULL
)`;

/** applyBatches as one applyBatch (one transaction) per projection, for databases that commit each apart. */
export async function applyEachApart(
  db: Pick<ReadModelDatabase, 'applyBatch'>,
  batches: readonly ProjectionBatch[],
): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = [];
  for (const batch of batches) {
    try {
      const position = await db.applyBatch(batch.projection, batch.toPosition, batch.changesAfter);
      outcomes.push({ ok: true, position });
    } catch (error) {
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}
