/** The calendar day (YYYY-MM-DD, UTC) of an ISO 8601 timestamp or date. */
export function dayOf(isoDateOrTime: string): string {
  return isoDateOrTime.slice(0, 10);
}

/** The calendar day after `day` (YYYY-MM-DD): pure date arithmetic, no clock. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The calendar day before `day` (YYYY-MM-DD). */
export function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** Stands for "no end" in [from, until) day ranges, so open and closed terms compare alike. */
export const END_OF_TIME = '9999-12-31';
