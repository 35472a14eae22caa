import { commitOf, ledgerPosition, readStart } from './kurrentdb-positions';

describe('KurrentDB positions', () => {
  it('maps a commit position to 2 × commit + 1: odd, positive, strictly increasing', () => {
    expect([0n, 1n, 2_113n, 10_000_000n].map(ledgerPosition)).toEqual([1, 3, 4_227, 20_000_001]);
    expect(commitOf(4_227)).toBe(2_113n);
  });

  it('refuses a commit position the port cannot express exactly', () => {
    const largest = (BigInt(Number.MAX_SAFE_INTEGER) - 1n) / 2n;
    expect(ledgerPosition(largest)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => ledgerPosition(largest + 1n)).toThrow(/outside 0\.\./);
    expect(() => ledgerPosition(-1n)).toThrow(RangeError);
  });

  it.each([
    [0, { commit: 0n, inclusive: true }],
    [1, { commit: 0n, inclusive: true }],
    [2, { commit: 0n, inclusive: false }],
    [4_227, { commit: 2_113n, inclusive: true }],
    [4_228, { commit: 2_113n, inclusive: false }],
  ])('reads from %p as %p', (position, start) => {
    expect(readStart(position)).toEqual(start);
  });

  it('an event position plus one starts just after that event', () => {
    const position = ledgerPosition(987_654n);
    expect(readStart(position + 1)).toEqual({ commit: 987_654n, inclusive: false });
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p as a position to read from', (position) => {
    expect(() => readStart(position)).toThrow(/fromPosition must be a whole number/);
  });

  it('refuses an even number as an event position', () => {
    expect(() => commitOf(4)).toThrow('4 is not the position of a KurrentDB ledger event');
  });
});
