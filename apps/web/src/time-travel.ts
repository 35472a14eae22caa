import type { Location } from './router';

/**
 * The point in time every screen shows: now, "as of" a business time (what had happened by
 * then, as the ledger knows it today) or "as known on" a recorded time (what the ledger had
 * been told by then). It lives in the URL (?asOf= or ?knownAt=) so a view of the past can be
 * shared, and maps to the queries' asOf / knownAt arguments.
 */
export type TimePoint =
  { kind: 'now' } | { kind: 'asOf'; at: string } | { kind: 'knownAt'; at: string };

export function timePointOf(location: Location): TimePoint {
  const asOf = location.search.get('asOf');
  if (asOf && !Number.isNaN(Date.parse(asOf))) return { kind: 'asOf', at: asOf };
  const knownAt = location.search.get('knownAt');
  if (knownAt && !Number.isNaN(Date.parse(knownAt))) return { kind: 'knownAt', at: knownAt };
  return { kind: 'now' };
}

/** The query variables for a time point (none for now). */
export function timeVariables(point: TimePoint): { asOf?: string; knownAt?: string } {
  if (point.kind === 'asOf') return { asOf: point.at };
  if (point.kind === 'knownAt') return { knownAt: point.at };
  return {};
}

/** The query string that carries a time point, to keep on every link. */
export function timeSearch(point: TimePoint): string {
  return point.kind === 'now' ? '' : `?${point.kind}=${encodeURIComponent(point.at)}`;
}
