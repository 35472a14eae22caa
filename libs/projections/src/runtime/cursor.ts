import type { ReadOnlyDatabase } from './temporal/read-views';
import type { SqlValue } from './read-model-database';
import { viewName } from './read-model-tables';

/** Opaque pagination cursors over a numeric sort key (a global position). */
export function encodeCursor(position: number): string {
  return Buffer.from(`p:${position}`, 'utf8').toString('base64url');
}

/** Returns undefined for anything that is not a cursor this module made. */
export function decodeCursor(cursor: string): number | undefined {
  const match = /^p:(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A page as GraphQL connections serve it: each item with its cursor, and where it ends. */
export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface PageRequest {
  first: number;
  /** Position after which the page starts (decoded cursor). */
  after?: number;
}

/**
 * The page out of up to `first + 1` rows read in key order after the cursor (the one past
 * `first` only says there is a next page), their nodes made from the rows on the page.
 */
export async function pageOf<Row, T>(
  rows: readonly Row[],
  page: PageRequest,
  totalCount: number,
  keyOf: (row: Row) => number,
  toNodes: (rows: Row[]) => T[] | Promise<T[]>,
): Promise<Page<T>> {
  const shown = rows.slice(0, page.first);
  const nodes = await toNodes(shown);
  const cursors = shown.map((row) => encodeCursor(keyOf(row)));
  return {
    edges: nodes.map((node, i) => ({ cursor: cursors[i]!, node })),
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: cursors.at(-1) ?? null },
    totalCount,
  };
}

/**
 * A page of a list already read whole and in order (a few hundred items at most, e.g. what the
 * partners of one page of the accountability view bear): each cursor is the item's ordinal in
 * the list, from 1, so a page starts after the ordinal of the one before.
 */
export function listPage<T>(items: readonly T[], page: PageRequest): Page<T> {
  const start = page.after ?? 0;
  const shown = items.slice(start, start + page.first);
  const cursors = shown.map((_, i) => encodeCursor(start + i + 1));
  return {
    edges: shown.map((node, i) => ({ cursor: cursors[i]!, node })),
    pageInfo: { hasNextPage: items.length > start + page.first, endCursor: cursors.at(-1) ?? null },
    totalCount: items.length,
  };
}

/** The same page with each node mapped (a connection of another type). */
export const mapPage = <T, U>(page: Page<T>, map: (node: T) => U): Page<U> => ({
  ...page,
  edges: page.edges.map(({ cursor, node }) => ({ cursor, node: map(node) })),
});

/**
 * One page of a table's rows matching `where`, in the order of the numeric `key` column
 * (a position), after the cursor; and how many match in all.
 */
export async function keysetPage<Row, T>(
  db: ReadOnlyDatabase,
  query: {
    table: string;
    /** The select list (`*`: every column as it is named); see viewColumns. */
    select?: string;
    key: string;
    where?: readonly string[];
    params?: readonly SqlValue[];
  },
  page: PageRequest,
  toNodes: (rows: Row[]) => T[] | Promise<T[]>,
): Promise<Page<T>> {
  const { table, select = '*', key, where = [], params = [] } = query;
  const clause = (conditions: readonly string[]) =>
    conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const [rows, count] = await Promise.all([
    db.all<Row>(
      `SELECT ${select} FROM ${table} ${clause([...where, `${key} > ?`])} ORDER BY ${key} LIMIT ?`,
      [...params, page.after ?? 0, page.first + 1],
    ),
    db.get<{ total: number | string }>(
      `SELECT COUNT(*) AS total FROM ${table} ${clause(where)}`,
      params,
    ),
  ]);
  const field = select === '*' ? key : viewName(key);
  const keyOf = (row: Row) => Number((row as Record<string, unknown>)[field]);
  return pageOf(rows, page, Number(count?.total ?? 0), keyOf, toNodes);
}
