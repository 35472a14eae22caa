import type { Projection } from '../projection';
import type { ReadModelDatabase } from '../read-model-database';
import {
  keepsHistory as tableKeepsHistory,
  shapeOf,
  type TablePrefix,
  tableName,
} from '../read-model-tables';
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

/**
 * Bumped whenever every read model must be rebuilt from the log (history tables were added in
 * format 2): an older database has its read models dropped, to be replayed from position zero.
 */
export const READ_MODEL_FORMAT = 3;

export async function upgradeReadModels(
  db: ReadModelDatabase,
  projections: readonly Projection[],
): Promise<void> {
  await db.migrate(
    'CREATE TABLE IF NOT EXISTS accord_read_model_format (id INTEGER PRIMARY KEY, format INTEGER NOT NULL)',
  );
  const row = await db.get<{ format: number }>(
    'SELECT format FROM accord_read_model_format WHERE id = 1',
  );
  if (row?.format === READ_MODEL_FORMAT) return;
  const anyCheckpoint = await db.get<{ n: number }>(
    'SELECT COUNT(*) AS n FROM projection_checkpoints',
  );
  const drops =
    Number(anyCheckpoint?.n ?? 0) === 0
      ? []
      : projections.flatMap((p) =>
          p.tables
            .map((table) => tableName(table))
            .flatMap((t) => [`DROP TABLE IF EXISTS ${t}_h`, `DROP TABLE IF EXISTS ${t}`]),
        );
  await db.migrate(
    [
      ...drops,
      ...(drops.length > 0 ? ['DELETE FROM projection_checkpoints'] : []),
      `INSERT INTO accord_read_model_format (id, format) VALUES (1, ${READ_MODEL_FORMAT})
       ON CONFLICT (id) DO UPDATE SET format = excluded.format`,
    ].join(';\n'),
  );
}
