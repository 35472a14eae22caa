import type { Projection } from '../projection';
import type { ReadModelDatabase } from '../read-model-database';
import { historyDdl, type HistoryDdlOptions, type TableShape } from './history-ddl';

const TABLE = /CREATE TABLE IF NOT EXISTS (r[mb]_\w+)/g;
const INDEX =
  /CREATE (?:UNIQUE )?INDEX IF NOT EXISTS (r[mb]_\w+)\s+ON\s+(r[mb]_\w+)\s*\(([^)]*)\)/g;

/** The tables a projection's schema creates, in order. */
export const tablesOf = (schema: string): string[] =>
  [...schema.matchAll(TABLE)].map((match) => match[1]!);

function indexesOf(schema: string, table: string): Map<string, string> {
  const indexes = new Map<string, string>();
  for (const [, index, on, columns] of schema.matchAll(INDEX))
    if (on === table) indexes.set(index!, columns!.replace(/\s+/g, ' ').trim());
  return indexes;
}

/** Tables whose rows are never changed once written, one per event: no history is kept for them. */
export const isEventRowTable = (projection: Projection, table: string): boolean => {
  const served = (name: string) => name.replace(/^rb_/, 'rm_');
  return projection.eventRows !== undefined && served(projection.eventRows.table) === served(table);
};

/** Whether any of the projection's tables keeps a history (the journal's do not). */
export const keepsHistory = (projection: Projection): boolean =>
  tablesOf(projection.schema).some((table) => !isEventRowTable(projection, table));

async function describe(
  db: ReadModelDatabase,
  table: string,
): Promise<Omit<TableShape, 'indexes'>> {
  if (db.dialect === 'sqlite') {
    const rows = await db.all<{ name: string; type: string; pk: number }>(
      'SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid',
      [table],
    );
    return {
      name: table,
      columns: rows.map(({ name, type }) => ({ name, type })),
      primaryKey: rows
        .filter((r) => r.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((r) => r.name),
    };
  }
  const columns = await db.all<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
    [table],
  );
  const key = await db.all<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
     WHERE i.indrelid = CAST(? AS regclass) AND i.indisprimary
     ORDER BY array_position(i.indkey, a.attnum)`,
    [table],
  );
  return { name: table, columns, primaryKey: key.map((k) => k.name) };
}

/** Shapes of the projection's tables that keep a history (every one but its event rows). */
export async function historiedTables(
  db: ReadModelDatabase,
  projection: Projection,
): Promise<TableShape[]> {
  const shapes: TableShape[] = [];
  for (const table of tablesOf(projection.schema)) {
    if (isEventRowTable(projection, table)) continue;
    const shape = await describe(db, table);
    if (shape.primaryKey.length === 0)
      throw new Error(`read model table ${table} needs a primary key to keep its history`);
    shapes.push({ ...shape, indexes: indexesOf(projection.schema, table) });
  }
  return shapes;
}

/** Creates the history tables and triggers of a projection's tables, where missing. */
export async function ensureHistory(
  db: ReadModelDatabase,
  projection: Projection,
  options: HistoryDdlOptions = {},
): Promise<TableShape[]> {
  const shapes = await historiedTables(db, projection);
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
          tablesOf(p.schema).flatMap((t) => [
            `DROP TABLE IF EXISTS ${t}_h`,
            `DROP TABLE IF EXISTS ${t}`,
          ]),
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
