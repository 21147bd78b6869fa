// Stripe counts these in whole units (https://docs.stripe.com/currencies#zero-decimal).
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

// Stripe counts these in thousandths and wants the last digit to be 0.
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** How many decimals one unit of `currency` has in Stripe's amounts. */
export function minorUnitDigits(currency: string): number {
  const code = currency.toLowerCase();
  if (ZERO_DECIMAL.has(code)) {
    return 0;
  }

  return THREE_DECIMAL.has(code) ? 3 : 2;
}

/** The smallest amount Stripe takes in `currency`, in its minor units. */
export function minorUnitStep(currency: string): number {
  return THREE_DECIMAL.has(currency.toLowerCase()) ? 10 : 1;
}

/** An amount in minor units as a person reads it: `EUR 49.00`, `JPY 4,900`. */
export function formatMinorUnits(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const code = currency.toUpperCase();

  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: code,
      currencyDisplay: 'code',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    })
      .format(amount / 10 ** digits)
      .replace(/\s/g, ' ');
  } catch (error) {
    if (error instanceof RangeError) {
      return `${code} ${amount} (minor units)`;
    }
    throw error;
  }
}
