import { rule } from './domain-error';

/** An exact ratio such as 2/3: thresholds are compared in integers, never as floats. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

export const FractionRules = {
  OUT_OF_RANGE: 'FRACTION.OUT_OF_RANGE',
} as const;

/** A fraction strictly above 0 and at most 1, with whole numerator and denominator. */
export function requireFraction(fraction: Fraction, field: string): Fraction {
  const { numerator, denominator } = fraction;
  rule(
    Number.isInteger(numerator) &&
      Number.isInteger(denominator) &&
      numerator > 0 &&
      denominator > 0 &&
      numerator <= denominator &&
      denominator <= 1_000,
    FractionRules.OUT_OF_RANGE,
    `${field} must be a fraction above 0 and at most 1 with whole terms up to 1000, got ${numerator}/${denominator}`,
    field,
  );
  return fraction;
}

/** part / whole >= fraction, in integers. */
export function reaches(part: number, whole: number, fraction: Fraction): boolean {
  return part * fraction.denominator >= fraction.numerator * whole;
}
