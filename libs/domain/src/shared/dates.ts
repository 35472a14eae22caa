/** The calendar day (YYYY-MM-DD, UTC) of an ISO 8601 timestamp or date. */
export function dayOf(isoDateOrTime: string): string {
  return isoDateOrTime.slice(0, 10);
}
