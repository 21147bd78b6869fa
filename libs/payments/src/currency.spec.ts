import { formatMinorUnits, minorUnitDigits, minorUnitStep } from './currency';

describe('currency minor units', () => {
  it.each([
    ['eur', 2],
    ['EUR', 2],
    ['jpy', 0],
    ['krw', 0],
    ['kwd', 3],
  ])('%s has %i decimals in Stripe amounts', (currency, digits) => {
    expect(minorUnitDigits(currency)).toBe(digits);
  });

  it.each([
    [4900, 'eur', 'EUR 49.00'],
    [4900, 'jpy', 'JPY 4,900'],
    [12340, 'kwd', 'KWD 12.340'],
    [5, 'usd', 'USD 0.05'],
  ])('formats %i %s as %s', (amount, currency, text) => {
    expect(formatMinorUnits(amount, currency)).toBe(text);
  });

  it('falls back to the raw amount for a code Intl does not know', () => {
    expect(formatMinorUnits(100, 'x1')).toBe('X1 100 (minor units)');
  });

  it('steps three-decimal currencies by 10, the others by 1', () => {
    expect(minorUnitStep('bhd')).toBe(10);
    expect(minorUnitStep('eur')).toBe(1);
    expect(minorUnitStep('jpy')).toBe(1);
  });
});
