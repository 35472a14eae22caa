import { DomainError } from './domain-error';
import { formatMoney, MoneyRules, parseMoney } from './money';

describe('Money', () => {
  it.each([
    ['25000.50', 'USD', '2500050'],
    ['25000.5', 'USD', '2500050'],
    ['0', 'EUR', '0'],
    ['1500', 'JPY', '1500'],
    ['1.234', 'BHD', '1234'],
    ['12.100', 'USD', '1210'],
    ['900719925474099.99', 'USD', '90071992547409999'],
  ])('parses %s %s into %s minor units, without floats', (amount, currency, minor) => {
    const money = parseMoney(amount, currency);
    expect(money).toEqual({ amountMinor: minor, currency });
  });

  it.each([
    ['2500050', 'USD', '25000.50'],
    ['5', 'USD', '0.05'],
    ['1500', 'JPY', '1500'],
  ])('formats %s %s as %s', (minor, currency, text) => {
    expect(formatMoney({ amountMinor: minor, currency })).toBe(text);
  });

  it.each([
    ['-5', 'USD', MoneyRules.INVALID_AMOUNT],
    ['1e3', 'USD', MoneyRules.INVALID_AMOUNT],
    ['', 'USD', MoneyRules.INVALID_AMOUNT],
    ['1.005', 'USD', MoneyRules.TOO_MANY_DECIMALS],
    ['10.5', 'JPY', MoneyRules.TOO_MANY_DECIMALS],
    ['10', 'usd', MoneyRules.INVALID_CURRENCY],
    ['10', 'XYZ', MoneyRules.INVALID_CURRENCY],
  ])('rejects %p %p with %s', (amount, currency, code) => {
    expect(() => parseMoney(amount, currency)).toThrow(DomainError);
    try {
      parseMoney(amount, currency);
    } catch (error) {
      expect((error as DomainError).code).toBe(code);
    }
  });
});
