import type { StoredEvent } from '@accord/event-store';
import type { SqlStatement } from './read-model-database';
import type { ReadModelTable } from './read-model-tables';

/**
 * A read model: its tables, and what each event it handles changes in them, as statements
 * in the portable SQL subset. The runner applies them and moves the checkpoint in one
 * transaction, so an event is applied exactly once even across crashes and processes.
 */
export interface Projection {
  readonly name: string;
  /**
   * Raised whenever the tables or what the events write in them change: a database that holds
   * the read model at another version drops it and builds it again from the log.
   */
  readonly version: number;
  /** Read models this one takes the place of (an older name): dropped when it is built. */
  readonly replaces?: readonly { name: string; tables: readonly string[] }[];
  /** Event types this projection changes rows for; every other event only moves its checkpoint. */
  readonly handles: Pick<ReadonlySet<string>, 'has'>;
  /** The read model's tables as data: their DDL, histories and rebuild copies derive from them. */
  readonly tables: readonly ReadModelTable[];
  apply(event: StoredEvent): readonly SqlStatement[];
}
