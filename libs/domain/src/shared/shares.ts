import { rule } from './domain-error';

/**
 * A partner's share of a risk or a benefit pool, in basis points (1 % = 100): shares are
 * exact integers that must add to exactly 10 000, never floats that nearly add to 100.
 */
export interface PartnerShare {
  partnerId: string;
  basisPoints: number;
}

export const WHOLE = 10_000;

export const ShareRules = {
  INVALID_PERCENT: 'SHARES.INVALID_PERCENT',
  NOT_HUNDRED_PERCENT: 'SHARES.NOT_HUNDRED_PERCENT',
  DUPLICATE_PARTNER: 'SHARES.DUPLICATE_PARTNER',
  EMPTY: 'SHARES.EMPTY',
} as const;

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** "33.34" -> 3334 basis points; at most two decimals, above 0 and at most 100. */
export function percentToBasisPoints(percent: string, field: string): number {
  const match = PERCENT.exec(percent);
  const basisPoints = match
    ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
    : Number.NaN;
  rule(
    basisPoints > 0 && basisPoints <= WHOLE,
    ShareRules.INVALID_PERCENT,
    `${field} must be a percentage above 0 and at most 100 with up to two decimals, got "${percent}"`,
    field,
  );
  return basisPoints;
}

/** 3334 -> "33.34". */
export function basisPointsToPercent(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const cents = basisPoints % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
}

/** Shares that name each partner once and add to exactly 100 %. */
export function requireWholeShares(shares: readonly PartnerShare[], field: string): void {
  rule(shares.length > 0, ShareRules.EMPTY, `${field} must name at least one partner`, field);
  const seen = new Set<string>();
  shares.forEach((share, index) => {
    rule(
      !seen.has(share.partnerId),
      ShareRules.DUPLICATE_PARTNER,
      `partner ${share.partnerId} appears more than once in ${field}`,
      `${field}[${index}].partnerId`,
    );
    seen.add(share.partnerId);
    rule(
      Number.isInteger(share.basisPoints) && share.basisPoints > 0 && share.basisPoints <= WHOLE,
      ShareRules.INVALID_PERCENT,
      `each share must be above 0 % and at most 100 %`,
      `${field}[${index}].percent`,
    );
  });
  const total = shares.reduce((sum, share) => sum + share.basisPoints, 0);
  rule(
    total === WHOLE,
    ShareRules.NOT_HUNDRED_PERCENT,
    `${field} must add to exactly 100 %, they add to ${basisPointsToPercent(total)} %`,
    field,
  );
}
