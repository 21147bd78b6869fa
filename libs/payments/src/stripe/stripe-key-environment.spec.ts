import { PaymentsConfigError } from '../payments.errors';
import { assertStripeKeyMatchesEnvironment } from './stripe-key-environment';

const KEY_BODY = 'Abc123SecretPartThatMustNotLeak';

function messageOf(secretKey: string, isProduction: boolean): string {
  try {
    assertStripeKeyMatchesEnvironment(secretKey, isProduction);
  } catch (error) {
    expect(error).toBeInstanceOf(PaymentsConfigError);

    return (error as Error).message;
  }
  throw new Error('Expected the key to be refused.');
}

describe('assertStripeKeyMatchesEnvironment', () => {
  it.each(['sk_test_', 'rk_test_'])('accepts a %s key outside production', (prefix) => {
    expect(() => assertStripeKeyMatchesEnvironment(`${prefix}${KEY_BODY}`, false)).not.toThrow();
  });

  it.each(['sk_live_', 'rk_live_'])('accepts a %s key in production', (prefix) => {
    expect(() => assertStripeKeyMatchesEnvironment(`${prefix}${KEY_BODY}`, true)).not.toThrow();
  });

  it.each(['sk_live_', 'rk_live_'])('refuses a %s key outside production', (prefix) => {
    const message = messageOf(`${prefix}${KEY_BODY}`, false);

    expect(message).toContain(`live key (${prefix}...)`);
    expect(message).toContain('outside production');
    expect(message).not.toContain(KEY_BODY);
  });

  it.each(['sk_test_', 'rk_test_'])('refuses a %s key in production', (prefix) => {
    const message = messageOf(`${prefix}${KEY_BODY}`, true);

    expect(message).toContain(`test key (${prefix}...)`);
    expect(message).toContain('in production');
    expect(message).not.toContain(KEY_BODY);
  });

  it.each([`pk_test_${KEY_BODY}`, KEY_BODY, ''])('refuses a key of no known kind (%#)', (key) => {
    const message = messageOf(key, false);

    expect(message).toContain('not a secret or restricted key');
    expect(message).not.toContain(KEY_BODY);
  });
});
