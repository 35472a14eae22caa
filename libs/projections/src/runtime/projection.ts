import type { StoredEvent } from '@accord/event-store';
import type { Database } from 'better-sqlite3';

/**
 * A read model kept in SQLite. `apply` runs inside the transaction that also moves the
 * projection's checkpoint, so an event is applied exactly once even across crashes.
 */
export interface SqliteProjection {
  readonly name: string;
  /** Event types this projection changes rows for; every other event only moves its checkpoint. */
  readonly handles: ReadonlySet<string>;
  /** Creates the read model's tables if missing. Idempotent. */
  migrate(db: Database): void;
  apply(db: Database, event: StoredEvent): void;
}
