/**
 * Exact money arithmetic in minor units (cents) as BigInt: amounts are decimal strings in the
 * API, and a float would lose cents on large sums.
 */

/** Minor-unit digits of a currency (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  try {
    const options = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions();
    return options.maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "1500.5" (or "1500,5") in minor units; null when it is not a plain non-negative amount. */
export function toMinor(text: string, digits: number): bigint | null {
  const found = /^(\d+)(?:[.,](\d*))?$/.exec(text.trim());
  if (!found) return null;
  const [, whole = '0', fraction = ''] = found;
  if (fraction.length > digits) return null;
  return BigInt(whole + fraction.padEnd(digits, '0'));
}

/** Minor units as the API's decimal string: 150050n, 2 -> "1500.50". */
export function fromMinor(minor: bigint, digits: number): string {
  if (digits === 0) return minor.toString();
  const text = minor.toString().padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** "33.34" percent in basis points (3334). */
export function basisPoints(percent: string): number {
  const [whole = '0', fraction = ''] = percent.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/**
 * A total split by shares in basis points: each partner gets its share rounded down, and the
 * minor units left over go one each to the largest remainders, so every amount is within one
 * minor unit of its exact share and the amounts add up to the total.
 */
export function splitByShares<T extends { basisPoints: number }>(
  total: bigint,
  shares: readonly T[],
): { share: T; minor: bigint }[] {
  const parts = shares.map((share) => {
    const exact = total * BigInt(share.basisPoints);
    return { share, minor: exact / 10_000n, remainder: exact % 10_000n };
  });
  let left = total - parts.reduce((sum, part) => sum + part.minor, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    if (left <= 0n) break;
    part.minor += 1n;
    left -= 1n;
  }
  return parts.map(({ share, minor }) => ({ share, minor }));
}
