/**
 * The few KurrentDB operations the adapter needs, in the adapter's own terms. The real one
 * wraps the official client (KurrentDbClientLog); keeping the adapter on this seam lets its
 * logic (hash chain, idempotency, positions, filtering) be tested without a server.
 */

/** One record as KurrentDB returns it, before the adapter trusts it as a ledger event. */
export interface LogRecord {
  /** KurrentDB's event id (a UUID). */
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  /** Parsed JSON for JSON events, bytes otherwise. */
  data: unknown;
  /** Parsed JSON metadata when it was JSON, bytes or undefined otherwise. */
  metadata: unknown;
  /** Commit position in the transaction log. */
  commit: bigint;
}

export interface LogEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** What `append` expects the stream to be: missing, or at this revision (its last event's). */
export type LogExpectation = 'no_stream' | bigint;

/** KurrentDB refused an append: the stream is at `actual`, not at the expected revision. */
export class LogConflictError extends Error {
  constructor(
    readonly stream: string,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${stream} is at ${String(actual)}`);
    this.name = 'LogConflictError';
  }
}

/** Where a read of the whole log starts: the beginning, the end, or a record's commit position. */
export type LogStart = 'start' | 'end' | bigint;

export interface KurrentLog {
  /** Appends atomically; throws LogConflictError when the stream is not as expected. */
  append(
    stream: string,
    events: readonly LogEvent[],
    expected: LogExpectation,
  ): Promise<{ lastRevision: number }>;
  /** At most `count` records of a stream from `from` (a revision, or 'end' backwards). Unknown stream: []. */
  readStream(
    stream: string,
    from: number | 'end',
    count: number,
    direction: 'forwards' | 'backwards',
  ): Promise<LogRecord[]>;
  /**
   * At most `count` records of the whole log, system records included. Forwards from a commit
   * position includes the record there; backwards from one returns the records before it.
   */
  readAll(from: LogStart, count: number, direction: 'forwards' | 'backwards'): Promise<LogRecord[]>;
  /** Calls `committed` with each record committed from now on (best effort: a wake-up, not a feed). */
  watch(committed: (record: LogRecord) => void): () => void;
  close(): Promise<void>;
}
