import type { Projection } from '../projection';
import type { ReadModelDatabase } from '../read-model-database';
import { keepsHistory as tableKeepsHistory, shapeOf, type TablePrefix } from '../read-model-tables';
import { historyDdl, type HistoryDdlOptions, type TableShape } from './history-ddl';

/** Whether any of the projection's tables keeps a history (the journal's do not). */
export const keepsHistory = (projection: Projection): boolean =>
  projection.tables.some(tableKeepsHistory);

/** Shapes of the projection's tables that keep a history (every one but its event rows). */
export const historiedTables = (
  projection: Projection,
  prefix: TablePrefix = 'rm_',
): TableShape[] =>
  projection.tables.filter(tableKeepsHistory).map((table) => shapeOf(table, prefix));

/** Creates the history tables and triggers of a projection's tables, where missing. */
export async function ensureHistory(
  db: ReadModelDatabase,
  projection: Projection,
  { prefix, ...options }: HistoryDdlOptions & { prefix?: TablePrefix } = {},
): Promise<TableShape[]> {
  const shapes = historiedTables(projection, prefix);
  for (const shape of shapes) await db.migrate(historyDdl(db.dialect, shape, options).join(';\n'));
  return shapes;
}
