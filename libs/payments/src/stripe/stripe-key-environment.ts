import { PaymentsConfigError } from '../payments.errors';

const LIVE_PREFIXES = ['sk_live_', 'rk_live_'];
const TEST_PREFIXES = ['sk_test_', 'rk_test_'];

function prefixOf(secretKey: string, prefixes: string[]): string | undefined {
  return prefixes.find((prefix) => secretKey.startsWith(prefix));
}

/**
 * Stops a live key from charging real cards outside production, and a test key from
 * silently taking no money in production. Messages name the prefix only, never the key.
 */
export function assertStripeKeyMatchesEnvironment(secretKey: string, isProduction: boolean): void {
  const livePrefix = prefixOf(secretKey, LIVE_PREFIXES);
  const testPrefix = prefixOf(secretKey, TEST_PREFIXES);

  if (!livePrefix && !testPrefix) {
    throw new PaymentsConfigError(
      'The Stripe secret key is not a secret or restricted key: expected it to start with ' +
        `${[...LIVE_PREFIXES, ...TEST_PREFIXES].join(', ')}.`,
    );
  }

  if (livePrefix && !isProduction) {
    throw new PaymentsConfigError(
      `A Stripe live key (${livePrefix}...) is configured outside production; use a test key.`,
    );
  }

  if (testPrefix && isProduction) {
    throw new PaymentsConfigError(
      `A Stripe test key (${testPrefix}...) is configured in production; use a live key.`,
    );
  }
}
