import type { ReadModelDatabase } from '../read-model-database';

type Dialect = ReadModelDatabase['dialect'];

/** A read-model table as the database describes it. */
export interface TableShape {
  name: string;
  columns: readonly { name: string; type: string }[];
  primaryKey: readonly string[];
  /** Column lists of the table's secondary indexes, by index name. */
  indexes: ReadonlyMap<string, string>;
}

/**
 * Every version a row of `rm_x` has had lives in `rm_x_h`: its columns, and the positions of
 * the events that made it (`h_from`) and replaced or deleted it (`h_to`, null while current).
 * The state after the event at position P is then the rows with h_from <= P < h_to.
 */
export const historyTable = (table: string): string => `${table}_h`;

/**
 * The position of the event being applied, which the history triggers stamp on versions:
 * a one-row table in SQLite (one writer at a time), a transaction-local setting in PostgreSQL
 * (so projections in concurrent transactions never contend on it).
 */
export const VERSION_CLOCK_DDL = `CREATE TABLE IF NOT EXISTS accord_version_clock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  position BIGINT NOT NULL
);
INSERT INTO accord_version_clock (id, position) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`;

export const POSTGRES_CLOCK_SETTING = 'accord.position';

const CLOCK: Record<Dialect, string> = {
  sqlite: '(SELECT position FROM accord_version_clock)',
  postgres: `current_setting('${POSTGRES_CLOCK_SETTING}')::bigint`,
};

const sqliteTriggerNames = (table: string) =>
  ['insert', 'update', 'delete'].map((op) => `${table}_h_on_${op}`);
const postgresTrigger = (table: string) => `${table}_h_record`;

export interface HistoryDdlOptions {
  /**
   * False leaves out the copies of the table's own indexes, which serve only readers (the
   * triggers find versions by key): a catch-up from zero builds them when it is done.
   */
  readIndexes?: boolean;
}

/** The history table, its indexes (the table's own, plus its key), and the triggers filling it. */
export function historyDdl(
  dialect: Dialect,
  shape: TableShape,
  { readIndexes = true }: HistoryDdlOptions = {},
): string[] {
  const h = historyTable(shape.name);
  const columns = shape.columns.map((c) => c.name).join(', ');
  const sameKey = (row: 'OLD') => shape.primaryKey.map((k) => `${k} = ${row}.${k}`).join(' AND ');
  const newValues = shape.columns.map((c) => `NEW.${c.name}`).join(', ');
  const statements = [
    `CREATE TABLE IF NOT EXISTS ${h} (${shape.columns
      .map((c) => `${c.name} ${c.type}`)
      .join(', ')}, h_from BIGINT NOT NULL, h_to BIGINT)`,
    `CREATE INDEX IF NOT EXISTS ${h}_by_key ON ${h} (${shape.primaryKey.join(', ')}, h_to)`,
    ...(readIndexes
      ? [...shape.indexes].map(
          ([index, on]) => `CREATE INDEX IF NOT EXISTS ${index}_h ON ${h} (${on}, h_from)`,
        )
      : []),
  ];
  // A row changed twice by one event keeps one version for it: the first is dropped, not closed.
  const closeCurrent = (clock: string) => [
    `DELETE FROM ${h} WHERE ${sameKey('OLD')} AND h_to IS NULL AND h_from = ${clock};`,
    `UPDATE ${h} SET h_to = ${clock} WHERE ${sameKey('OLD')} AND h_to IS NULL;`,
  ];
  const openNew = (clock: string) =>
    `INSERT INTO ${h} (${columns}, h_from, h_to) VALUES (${newValues}, ${clock}, NULL);`;

  if (dialect === 'sqlite') {
    const [onInsert, onUpdate, onDelete] = sqliteTriggerNames(shape.name);
    const clock = CLOCK.sqlite;
    return [
      ...statements,
      `CREATE TRIGGER IF NOT EXISTS ${onInsert} AFTER INSERT ON ${shape.name} BEGIN ${openNew(clock)} END`,
      `CREATE TRIGGER IF NOT EXISTS ${onUpdate} AFTER UPDATE ON ${shape.name} BEGIN ${closeCurrent(clock).join(' ')} ${openNew(clock)} END`,
      `CREATE TRIGGER IF NOT EXISTS ${onDelete} AFTER DELETE ON ${shape.name} BEGIN ${closeCurrent(clock).join(' ')} END`,
    ];
  }
  const trigger = postgresTrigger(shape.name);
  return [
    ...statements,
    `CREATE OR REPLACE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $body$
     DECLARE at BIGINT := ${CLOCK.postgres};
     BEGIN
       IF TG_OP <> 'INSERT' THEN ${closeCurrent('at').join(' ')} END IF;
       IF TG_OP <> 'DELETE' THEN ${openNew('at')} END IF;
       RETURN NULL;
     END $body$`,
    `DROP TRIGGER IF EXISTS ${trigger} ON ${shape.name}`,
    `CREATE TRIGGER ${trigger} AFTER INSERT OR UPDATE OR DELETE ON ${shape.name} FOR EACH ROW EXECUTE FUNCTION ${trigger}()`,
  ];
}

/** Drops the triggers (and PostgreSQL's trigger function) of a table, keeping its history. */
export function dropHistoryTriggers(dialect: Dialect, table: string): string[] {
  if (dialect === 'sqlite')
    return sqliteTriggerNames(table).map((name) => `DROP TRIGGER IF EXISTS ${name}`);
  return [
    `DROP TRIGGER IF EXISTS ${postgresTrigger(table)} ON ${table}`,
    `DROP FUNCTION IF EXISTS ${postgresTrigger(table)}()`,
  ];
}

/** The names of the history table's indexes, so a rebuild can drop its shadow's. */
export const historyIndexNames = (shape: TableShape): string[] => [
  `${historyTable(shape.name)}_by_key`,
  ...[...shape.indexes.keys()].map((index) => `${index}_h`),
];
