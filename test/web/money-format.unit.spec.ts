import { formatMoney, formatPercent } from '../../apps/web/src/format';
import {
  basisPoints,
  fromMinor,
  minorDigits,
  splitByShares,
  toMinor,
} from '../../apps/web/src/money';

describe('money and shares in the workspace', () => {
  it('formats money in the reader’s locale from the exact decimal, never through a float', () => {
    expect(formatMoney('12345678901234567.89', 'EUR', 'en-GB')).toBe('€12,345,678,901,234,567.89');
    expect(formatMoney('1234.5', 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney('10', 'XYZ1', 'en-GB')).toBe('10 XYZ1');
    expect(formatPercent('33.34', 'en-GB')).toBe('33.34 %');
    expect(formatPercent('33.5', 'fr-FR')).toBe('33,5 %');
  });

  it('reads and writes amounts in minor units exactly', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(toMinor('1500.5', 2)).toBe(150050n);
    expect(toMinor('1500,05', 2)).toBe(150005n);
    expect(toMinor('12345678901234567.89', 2)).toBe(1234567890123456789n);
    expect(toMinor('1.005', 2)).toBeNull();
    expect(toMinor('-3', 2)).toBeNull();
    expect(toMinor('1,000.00', 2)).toBeNull();
    expect(fromMinor(5n, 2)).toBe('0.05');
    expect(fromMinor(1234567890123456789n, 2)).toBe('12345678901234567.89');
    expect(fromMinor(700n, 0)).toBe('700');
  });

  it('splits a total by shares: each within one minor unit of its share, adding up to the total', () => {
    expect(basisPoints('33.34')).toBe(3334);
    expect(basisPoints('5')).toBe(500);
    expect(basisPoints('12.5')).toBe(1250);
    const shares = [
      { id: 'a', basisPoints: 3334 },
      { id: 'b', basisPoints: 3333 },
      { id: 'c', basisPoints: 3333 },
    ];
    const split = splitByShares(50000n, shares);
    expect(split.map((part) => part.minor)).toEqual([16670n, 16665n, 16665n]);
    const odd = splitByShares(1n, shares).map((part) => part.minor);
    expect(odd.reduce((sum, minor) => sum + minor, 0n)).toBe(1n);
    for (const total of [1n, 7n, 99n, 100001n, 1234567890123456789n]) {
      const parts = splitByShares(total, shares);
      expect(parts.reduce((sum, part) => sum + part.minor, 0n)).toBe(total);
      for (const { share, minor } of parts) {
        const difference = minor * 10_000n - total * BigInt(share.basisPoints);
        expect(difference < 0n ? -difference : difference).toBeLessThanOrEqual(10_000n);
      }
    }
  });
});
