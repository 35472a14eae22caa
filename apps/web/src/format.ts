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

export function formatMoney(amount: string, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
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
