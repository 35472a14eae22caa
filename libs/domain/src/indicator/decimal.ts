import { DomainError } from '../shared/domain-error';

/**
 * A measured value as a decimal string ("-3.5", "72.25"): compared exactly with BigInt,
 * never through a float, so "0.1 + 0.2" questions never arise in the ledger.
 */
const DECIMAL = /^(-)?(\d{1,18})(?:\.(\d{1,12}))?$/;

export const DecimalRules = {
  INVALID_DECIMAL: 'INDICATOR.INVALID_VALUE',
} as const;

interface Scaled {
  units: bigint;
  scale: number;
  sign: string;
  whole: string;
  fraction: string;
}

function scaled(value: string, field: string): Scaled {
  const match = DECIMAL.exec(value);
  if (!match) {
    throw new DomainError(
      DecimalRules.INVALID_DECIMAL,
      `"${value}" is not a decimal number such as -3.5 or 72.25`,
      field,
    );
  }
  const [, sign = '', whole = '0', fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`) * (sign ? -1n : 1n);
  return { units, scale: fraction.length, sign, whole, fraction };
}

/** The canonical spelling: no leading zeros, no trailing fractional zeros, no "-0". */
export function parseDecimal(value: string, field: string): string {
  const { units, sign, whole, fraction } = scaled(value, field);
  const trimmedWhole = whole.replace(/^0+(?=\d)/, '');
  const trimmedFraction = fraction.replace(/0+$/, '');
  const body = trimmedFraction ? `${trimmedWhole}.${trimmedFraction}` : trimmedWhole;
  return sign && units !== 0n ? `-${body}` : body;
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const x = scaled(a, 'value');
  const y = scaled(b, 'value');
  const scale = Math.max(x.scale, y.scale);
  const left = x.units * 10n ** BigInt(scale - x.scale);
  const right = y.units * 10n ** BigInt(scale - y.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}
