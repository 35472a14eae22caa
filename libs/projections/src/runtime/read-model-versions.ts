import type { Projection } from './projection';
import type { ReadModelDatabase } from './read-model-database';
import { tableName } from './read-model-tables';
import { historyTable } from './temporal/history-ddl';

/**
 * Bumped whenever every read model must be rebuilt from the log (history tables were added in
 * format 2): an older database has its read models dropped, to be replayed from position zero.
 */
export const READ_MODEL_FORMAT = 3;

const dropTables = (tables: readonly string[]) =>
  tables.flatMap((t) => [`DROP TABLE IF EXISTS ${historyTable(t)}`, `DROP TABLE IF EXISTS ${t}`]);

const forget = (name: string) => [
  `DELETE FROM projection_checkpoints WHERE name IN ('${name}', '${name}.rebuild')`,
  `DELETE FROM accord_read_model_versions WHERE name = '${name}'`,
];

/**
 * Brings the database's read models to the projections' versions. A read model whose recorded
 * version differs from its projection's has its tables and checkpoint dropped, so the runner
 * builds it again from position zero; one a projection `replaces` is dropped for good. A read
 * model built before versions were recorded (a checkpoint, no version) counts as version 1.
 */
export async function upgradeReadModels(
  db: ReadModelDatabase,
  projections: readonly Projection[],
): Promise<void> {
  await db.migrate(
    [
      'CREATE TABLE IF NOT EXISTS accord_read_model_format (id INTEGER PRIMARY KEY, format INTEGER NOT NULL)',
      'CREATE TABLE IF NOT EXISTS accord_read_model_versions (name TEXT PRIMARY KEY, version INTEGER NOT NULL)',
    ].join(';\n'),
  );
  await upgradeFormat(db, projections);
  const recorded = new Map(
    (
      await db.all<{ name: string; version: number }>(
        'SELECT name, version FROM accord_read_model_versions',
      )
    ).map((row) => [row.name, Number(row.version)]),
  );
  const built = new Set(
    (await db.all<{ name: string }>('SELECT name FROM projection_checkpoints')).map((r) => r.name),
  );
  const statements: string[] = [];
  for (const projection of projections) {
    for (const former of projection.replaces ?? [])
      if (built.has(former.name) || recorded.has(former.name))
        statements.push(...dropTables(former.tables), ...forget(former.name));
    const version = recorded.get(projection.name) ?? (built.has(projection.name) ? 1 : undefined);
    if (version === projection.version && recorded.has(projection.name)) continue;
    if (version !== projection.version)
      statements.push(
        ...dropTables(projection.tables.map((table) => tableName(table))),
        ...forget(projection.name),
      );
    statements.push(
      `INSERT INTO accord_read_model_versions (name, version) VALUES ('${projection.name}', ${projection.version})
       ON CONFLICT (name) DO UPDATE SET version = excluded.version`,
    );
  }
  if (statements.length > 0) await db.migrate(statements.join(';\n'));
}

async function upgradeFormat(
  db: ReadModelDatabase,
  projections: readonly Projection[],
): Promise<void> {
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
      : [
          ...dropTables(projections.flatMap((p) => p.tables.map((table) => tableName(table)))),
          'DELETE FROM projection_checkpoints',
          'DELETE FROM accord_read_model_versions',
        ];
  await db.migrate(
    [
      ...drops,
      `INSERT INTO accord_read_model_format (id, format) VALUES (1, ${READ_MODEL_FORMAT})
       ON CONFLICT (id) DO UPDATE SET format = excluded.format`,
    ].join(';\n'),
  );
}
