import type { TableShape } from './temporal/history-ddl';

/** Column types of the portable subset; a trailing `?` lets the column hold null. */
type ColumnType = 'text' | 'integer' | 'bigint' | 'real';
export type Column = ColumnType | `${ColumnType}?`;

const SQL_TYPES: Record<ColumnType, string> = {
  text: 'TEXT',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  real: 'DOUBLE PRECISION',
};

export interface TableIndex {
  on: readonly string[];
  unique?: boolean;
  /** Only the rows this condition holds for (a partial index). */
  where?: string;
  /**
   * The projection's own statements find rows by it. Every other non-unique index serves only
   * readers, so catching up from position zero builds it once at the end (see deferred-indexes.ts).
   */
  forWrites?: boolean;
}

/**
 * A read-model table as data: the DDL, its history, the rebuild's shadow and the indexes left
 * for later are all derived from it. Served as `rm_<name>`; a rebuild fills `rb_<name>`, and
 * each index is named `<table>_<key>`.
 */
export interface ReadModelTable {
  name: string;
  /** In order; the SQL type of each, nullable when it ends in `?`. */
  columns: Readonly<Record<string, Column>>;
  primaryKey: readonly string[];
  indexes?: Readonly<Record<string, TableIndex>>;
  /**
   * One row per event, never changed once written (the journal): it keeps no history, since
   * the rows of events up to a position, or that occurred by a time, are its past.
   */
  eventRows?: { position: string; occurredAt: string };
  /** Indexes an older schema had and this one drops (by key). */
  retiredIndexes?: readonly string[];
}

/** `rm_`: the tables the API serves; `rb_`: the ones a rebuild fills beside them. */
export type TablePrefix = 'rm_' | 'rb_';

export const tableName = (table: ReadModelTable, prefix: TablePrefix = 'rm_'): string =>
  `${prefix}${table.name}`;

const indexName = (table: ReadModelTable, key: string, prefix: TablePrefix): string =>
  `${tableName(table, prefix)}_${key}`;

const columnType = (column: Column): { sql: string; nullable: boolean } => {
  const nullable = column.endsWith('?');
  return { sql: SQL_TYPES[(nullable ? column.slice(0, -1) : column) as ColumnType], nullable };
};

/** Whether the index is one readers alone use: left out while catching up from zero. */
const readOnlyIndex = (index: TableIndex): boolean => !index.unique && !index.forWrites;

/** The table, its retired indexes dropped, and its indexes (only those writes need, if asked). */
export function tableDdl(
  table: ReadModelTable,
  { prefix = 'rm_', readIndexes = true }: { prefix?: TablePrefix; readIndexes?: boolean } = {},
): string[] {
  const name = tableName(table, prefix);
  const columns = Object.entries(table.columns).map(([column, type]) => {
    const { sql, nullable } = columnType(type);
    return `${column} ${sql}${nullable ? '' : ' NOT NULL'}`;
  });
  return [
    `CREATE TABLE IF NOT EXISTS ${name} (${[
      ...columns,
      `PRIMARY KEY (${table.primaryKey.join(', ')})`,
    ].join(', ')})`,
    ...(table.retiredIndexes ?? []).map(
      (key) => `DROP INDEX IF EXISTS ${indexName(table, key, prefix)}`,
    ),
    ...Object.entries(table.indexes ?? {})
      .filter(([, index]) => readIndexes || !readOnlyIndex(index))
      .map(
        ([key, index]) =>
          `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${indexName(table, key, prefix)} ON ${name} (${index.on.join(', ')})${index.where ? ` WHERE ${index.where}` : ''}`,
      ),
  ];
}

/** Every index of the table by name (the primary key's excepted). */
export const indexNames = (table: ReadModelTable, prefix: TablePrefix): string[] =>
  Object.keys(table.indexes ?? {}).map((key) => indexName(table, key, prefix));

/** Whether a change to the table is kept as a version in its history. */
export const keepsHistory = (table: ReadModelTable): boolean => table.eventRows === undefined;

/** What the history of the table is built from: its columns, key and indexes. */
export function shapeOf(table: ReadModelTable, prefix: TablePrefix = 'rm_'): TableShape {
  return {
    name: tableName(table, prefix),
    columns: Object.entries(table.columns).map(([name, type]) => ({
      name,
      type: columnType(type).sql,
    })),
    primaryKey: table.primaryKey,
    indexes: new Map(
      Object.entries(table.indexes ?? {}).map(([key, index]) => [
        indexName(table, key, prefix),
        index.on.join(', '),
      ]),
    ),
  };
}

/** `made_position` -> `madePosition`: the name a view gives a column. */
export const viewName = (column: string): string =>
  column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The select list that gives each column of the table (all, or those named) the name the view
 * uses, so a reader's rows are its views: `made_position AS "madePosition"`. With `alias`,
 * the columns are read from that alias of the table.
 */
export function viewColumns(
  table: ReadModelTable,
  { only, alias }: { only?: readonly string[]; alias?: string } = {},
): string {
  return (only ?? Object.keys(table.columns))
    .map((column) => {
      const name = viewName(column);
      const source = alias ? `${alias}.${column}` : column;
      return name === column && !alias ? column : `${source} AS "${name}"`;
    })
    .join(', ');
}
