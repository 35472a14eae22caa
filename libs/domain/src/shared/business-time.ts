import { dayOf } from './dates';
import { rule } from './domain-error';

/**
 * Business time may be backdated, but never to before what the act depends on: nothing in an
 * initiative before its launch, no vote before its decision was proposed, no progress before
 * the commitment was made. Otherwise the record would answer, as of that moment, about an act
 * on something that did not yet exist.
 */
export const BusinessTimeRules = {
  PREDATES: 'BUSINESS_TIME.PREDATES',
} as const;

/** What an act depends on, and since when it exists (ISO 8601 instant or day). */
export interface Since {
  what: string;
  at: string;
}

const isDay = (value: string) => value.length === 10;

/** A day (YYYY-MM-DD) is compared by day, so an act dated on the day of its dependency is not early. */
function isBefore(at: string, since: string): boolean {
  if (isDay(at) || isDay(since)) return dayOf(at) < dayOf(since);
  return Date.parse(at) < Date.parse(since);
}

/** Refuses an act dated `at` before each of its dependencies existed; `field` names the date's input. */
export function requireNotBefore(at: string, field: string, ...dependencies: Since[]): void {
  for (const dependency of dependencies) {
    rule(
      !isBefore(at, dependency.at),
      BusinessTimeRules.PREDATES,
      `${field} ${at} is before ${dependency.what} (${dependency.at})`,
      field,
    );
  }
}

/** The usual case: the command's own business time, given as occurredAt. */
export const requireOccurredNotBefore = (now: string, ...dependencies: Since[]): void =>
  requireNotBefore(now, 'occurredAt', ...dependencies);
