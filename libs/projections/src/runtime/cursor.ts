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
 * (a position; highest first when `descending`), after the cursor; and how many match in all.
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
    /** Highest key first (the cursor then keeps the ones below it). */
    descending?: boolean;
  },
  page: PageRequest,
  toNodes: (rows: Row[]) => T[] | Promise<T[]>,
): Promise<Page<T>> {
  const { table, select = '*', key, where = [], params = [], descending = false } = query;
  const after = descending ? (page.after === undefined ? [] : [`${key} < ?`]) : [`${key} > ?`];
  const afterParams = descending
    ? page.after === undefined
      ? []
      : [page.after]
    : [page.after ?? 0];
  const clause = (conditions: readonly string[]) =>
    conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const [rows, count] = await Promise.all([
    db.all<Row>(
      `SELECT ${select} FROM ${table} ${clause([...where, ...after])}
       ORDER BY ${key}${descending ? ' DESC' : ''} LIMIT ?`,
      [...params, ...afterParams, page.first + 1],
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

/** Each partner's page of a list, and how many it has in all. */
export type PagesByPartner<T> = Map<string, Page<T>>;

/** A page with nothing on it (a partner with none of the list). */
export const emptyPage = <T>(): Page<T> => ({
  edges: [],
  pageInfo: { hasNextPage: false, endCursor: null },
  totalCount: 0,
});

/**
 * One page of a list for each partner listed, read in one statement: a UNION ALL of one select
 * per partner, each in the list's order after the cursor and LIMITed to the page (and one more
 * row, to tell whether there is a next page), so only what the pages show is read; and how many
 * each partner has in all by one GROUP BY. The cursors are the list's numeric sort keys (a
 * keyset), so a page after a cursor starts at the same item however the list grew in between.
 *
 * `onePartner` selects the partner's id first `AS page_partner` and orders by the key; its
 * parameters are `params(partnerId, after)` followed by the LIMIT. `counts` selects
 * `partner_id` and `n`.
 */
export async function pagesByPartner<Row extends { page_partner: string }, T>(
  db: ReadOnlyDatabase,
  partnerIds: readonly string[],
  query: {
    onePartner: (after: number | undefined) => string;
    params: (partnerId: string, after: number | undefined) => readonly SqlValue[];
    counts: string;
    countParams: readonly SqlValue[];
  },
  page: PageRequest,
  keyOf: (row: Row) => number,
  /** The nodes of every partner's rows on its page at once, in the order given. */
  toNodes: (rows: Row[]) => T[] | Promise<T[]>,
): Promise<PagesByPartner<T>> {
  const pages: PagesByPartner<T> = new Map();
  const partners = [...new Set(partnerIds)];
  if (partners.length === 0) return pages;
  const [rows, counts] = await Promise.all([
    db.all<Row>(
      partners
        .map((_, n) => `SELECT * FROM (${query.onePartner(page.after)}) AS page${n}`)
        .join('\n UNION ALL '),
      partners.flatMap((partnerId) => [...query.params(partnerId, page.after), page.first + 1]),
    ),
    db.all<{ partner_id: string; n: number | string }>(query.counts, query.countParams),
  ]);
  const rowsOf = new Map<string, Row[]>(partners.map((id) => [id, []]));
  for (const row of rows) rowsOf.get(row.page_partner)?.push(row);
  const shownOf = new Map<string, Row[]>();
  for (const [partnerId, list] of rowsOf) {
    list.sort((a, b) => keyOf(a) - keyOf(b));
    shownOf.set(partnerId, list.slice(0, page.first));
  }
  const nodes = await toNodes([...shownOf.values()].flat());
  const totals = new Map(counts.map((c) => [c.partner_id, Number(c.n)]));
  let at = 0;
  for (const [partnerId, shown] of shownOf) {
    const cursors = shown.map((row) => encodeCursor(keyOf(row)));
    const mine = nodes.slice(at, at + shown.length);
    at += shown.length;
    pages.set(partnerId, {
      edges: mine.map((node, i) => ({ cursor: cursors[i]!, node })),
      pageInfo: {
        hasNextPage: rowsOf.get(partnerId)!.length > page.first,
        endCursor: cursors.at(-1) ?? null,
      },
      totalCount: totals.get(partnerId) ?? 0,
    });
  }
  return pages;
}
