/** Dates and times in the reader's own locale and time zone; the exact value stays in `dateTime`. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) is a day, not an instant: shown without shifting time zones. */
export function formatDate(localDate: string): string {
  return dateOnly.format(new Date(`${localDate}T00:00:00Z`));
}

/**
 * Money in the reader's locale, from the exact decimal string: `Intl.NumberFormat` formats a
 * numeric string without going through a float, so 12345678901234567.89 stays exact.
 */
export function formatMoney(amount: string, currency: string, locale?: string): string {
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    return format.format(amount as unknown as number);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** A percentage given as an exact decimal string ("33.34"), in the reader's locale. */
export function formatPercent(percent: string, locale?: string): string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return `${format.format(percent as unknown as number)} %`;
}

export const words = (constant: string): string => constant.toLowerCase().replaceAll('_', ' ');

/** "ProgressReported.v1" -> "progress reported". */
export const eventWords = (type: string): string =>
  type
    .replace(/\.v\d+$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

/** "dueDate" -> "due date", "resources.hours" -> "resources: hours". */
export const fieldWords = (name: string): string =>
  name
    .replace(/\./g, ': ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
