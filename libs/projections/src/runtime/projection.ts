import type { StoredEvent } from '@accord/event-store';
import type { SqlStatement } from './read-model-database';

/**
 * A read model: its tables, and what each event it handles changes in them, as statements
 * in the portable SQL subset. The runner applies them and moves the checkpoint in one
 * transaction, so an event is applied exactly once even across crashes and processes.
 */
export interface Projection {
  readonly name: string;
  /** Event types this projection changes rows for; every other event only moves its checkpoint. */
  readonly handles: Pick<ReadonlySet<string>, 'has'>;
  /** Creates the read model's tables if missing (portable DDL). */
  readonly schema: string;
  apply(event: StoredEvent): readonly SqlStatement[];
  /**
   * A table with one row per event, never changed once written (the journal): it keeps no
   * history, since the rows of events up to a position, or that occurred by a time, are its past.
   */
  readonly eventRows?: { table: string; position: string; occurredAt: string };
  /**
   * Indexes of the schema that its own statements find rows by, other than primary keys and
   * unique indexes. Every other index serves only readers, so catching up from position zero
   * builds it once at the end instead of updating it at every event (see deferred-indexes.ts).
   */
  readonly indexesForWrites?: readonly string[];
}
