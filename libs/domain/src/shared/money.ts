import { DomainError } from './domain-error';

/**
 * An amount of money in integer minor units (cents for USD, yen for JPY), kept as a
 * decimal string so that sums never lose precision (BigInt-safe, never a float).
 */
export interface Money {
  amountMinor: string;
  currency: string;
}

const DECIMAL = /^(\d{1,18})(?:\.(\d+))?$/;

export const MoneyRules = {
  INVALID_CURRENCY: 'MONEY.INVALID_CURRENCY',
  INVALID_AMOUNT: 'MONEY.INVALID_AMOUNT',
  TOO_MANY_DECIMALS: 'MONEY.TOO_MANY_DECIMALS',
} as const;

let knownCurrencies: ReadonlySet<string> | undefined;

export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

const digitsByCurrency = new Map<string, number>();

/**
 * ISO 4217 minor unit digits, from the ICU data that ships with Node (USD 2, JPY 0, BHD 3).
 * Remembered per currency: building a currency formatter costs about a millisecond.
 */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Parses a non-negative decimal string such as "25000.50" in the given currency. */
export function parseMoney(amount: string, currency: string, field = 'amount'): Money {
  if (!isKnownCurrency(currency)) {
    throw new DomainError(
      MoneyRules.INVALID_CURRENCY,
      `"${currency}" is not an ISO 4217 currency code`,
      `${field}.currency`,
    );
  }
  const match = DECIMAL.exec(amount);
  if (!match) {
    throw new DomainError(
      MoneyRules.INVALID_AMOUNT,
      `"${amount}" is not a non-negative decimal amount such as 1250.00`,
      `${field}.amount`,
    );
  }
  const [, whole = '0', fraction = ''] = match;
  const digits = minorDigits(currency);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) {
    throw new DomainError(
      MoneyRules.TOO_MANY_DECIMALS,
      `${currency} amounts have at most ${digits} decimal places, got "${amount}"`,
      `${field}.amount`,
    );
  }
  const minor =
    BigInt(whole) * 10n ** BigInt(digits) + BigInt(significant.padEnd(digits, '0') || '0');
  return { amountMinor: minor.toString(), currency };
}

/** "2500050" USD -> "25000.50". */
export function formatMoney(money: Money): string {
  const digits = minorDigits(money.currency);
  if (digits === 0) return money.amountMinor;
  const padded = money.amountMinor.padStart(digits + 1, '0');
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
