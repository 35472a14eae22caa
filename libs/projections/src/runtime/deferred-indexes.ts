import type { Projection } from './projection';
import type { ReadModelDatabase } from './read-model-database';
import { type TablePrefix, tableDdl } from './read-model-tables';
import { ensureHistory } from './temporal/temporal-catalog';
import type { TableShape } from './temporal/history-ddl';

/**
 * Creates what is missing of a projection's tables, indexes and histories. With
 * `readIndexes: false` the indexes only readers use are left out: filling empty tables from
 * position zero and then building each index in one sorted pass is several times faster than
 * updating every index at every event. Calling it again with `readIndexes: true` adds them.
 * Unique indexes stay (they are constraints), and so do those the projection's own statements
 * find rows by.
 */
export async function createReadModel(
  db: ReadModelDatabase,
  projection: Projection,
  { readIndexes, prefix = 'rm_' }: { readIndexes: boolean; prefix?: TablePrefix },
): Promise<TableShape[]> {
  await db.migrate(
    projection.tables.flatMap((table) => tableDdl(table, { prefix, readIndexes })).join(';\n'),
  );
  return ensureHistory(db, projection, { readIndexes, prefix });
}
