import type { Projection } from './projection';
import type { ReadModelDatabase } from './read-model-database';
import { ensureHistory } from './temporal/temporal-catalog';
import type { TableShape } from './temporal/history-ddl';

const NON_UNIQUE_INDEX = /CREATE INDEX IF NOT EXISTS (\w+)[^;]*;?/g;

/**
 * The schema without the indexes that serve only readers. Unique indexes stay (they are
 * constraints), and so do those the projection's own statements find rows by.
 */
export function schemaWithoutReadIndexes(projection: Projection): string {
  const kept = new Set(projection.indexesForWrites ?? []);
  return projection.schema.replace(NON_UNIQUE_INDEX, (statement, name: string) =>
    kept.has(name) ? statement : '',
  );
}

/**
 * Creates what is missing of a projection's tables, indexes and histories. With
 * `readIndexes: false` the indexes only readers use are left out: filling empty tables from
 * position zero and then building each index in one sorted pass is several times faster than
 * updating every index at every event. Calling it again with `readIndexes: true` adds them.
 */
export async function createReadModel(
  db: ReadModelDatabase,
  projection: Projection,
  { readIndexes }: { readIndexes: boolean },
): Promise<TableShape[]> {
  await db.migrate(readIndexes ? projection.schema : schemaWithoutReadIndexes(projection));
  return ensureHistory(db, projection, { readIndexes });
}
