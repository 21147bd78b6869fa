import { PaymentsConfigError } from '../payments.errors';
import { resolveStripePaymentsConfig, StripePaymentsConfig } from './stripe-payments.config';

const valid: StripePaymentsConfig = {
  secretKey: 'sk_test_config_spec',
  webhookSecrets: ['whsec_config_spec'],
};

describe('resolveStripePaymentsConfig', () => {
  it('defaults the tolerance to 300 s and talks to Stripe itself', () => {
    const resolved = resolveStripePaymentsConfig(valid);

    expect(resolved.webhookToleranceSeconds).toBe(300);
    expect(resolved.client).not.toHaveProperty('host');
  });

  it.each([
    ['http://127.0.0.1:12111', { protocol: 'http', host: '127.0.0.1', port: '12111' }],
    ['http://localhost', { protocol: 'http', host: 'localhost', port: 80 }],
    [
      'https://stripe.internal.test',
      { protocol: 'https', host: 'stripe.internal.test', port: 443 },
    ],
    ['http://[::1]:12111', { protocol: 'http', host: '::1', port: '12111' }],
  ])('turns apiBaseUrl %s into the SDK address', (apiBaseUrl, address) => {
    expect(resolveStripePaymentsConfig({ ...valid, apiBaseUrl }).client).toMatchObject(address);
  });

  it('passes retries and timeout to the SDK', () => {
    const { client } = resolveStripePaymentsConfig({
      ...valid,
      maxNetworkRetries: 3,
      timeoutMs: 2000,
    });

    expect(client).toMatchObject({ maxNetworkRetries: 3, timeout: 2000 });
  });

  it('takes an empty list of webhook secrets: every delivery is then refused', () => {
    expect(resolveStripePaymentsConfig({ ...valid, webhookSecrets: [] }).webhookSecrets).toEqual(
      [],
    );
  });

  it.each<[string, Partial<StripePaymentsConfig>]>([
    ['secretKey', { secretKey: ' ' }],
    ['webhookSecrets', { webhookSecrets: ['whsec_ok', ''] }],
    ['webhookToleranceSeconds', { webhookToleranceSeconds: 0 }],
    ['webhookToleranceSeconds', { webhookToleranceSeconds: 1.5 }],
    ['maxNetworkRetries', { maxNetworkRetries: -1 }],
    ['timeoutMs', { timeoutMs: Number.NaN }],
    ['apiBaseUrl', { apiBaseUrl: 'not a url' }],
    ['apiBaseUrl', { apiBaseUrl: 'ftp://127.0.0.1:21' }],
    ['apiBaseUrl', { apiBaseUrl: 'http://127.0.0.1:12111/v1' }],
  ])('names stripe.%s when it is bad, never its value', (option, override) => {
    const config = { ...valid, ...override };

    expect(() => resolveStripePaymentsConfig(config)).toThrow(PaymentsConfigError);
    expect(() => resolveStripePaymentsConfig(config)).toThrow(`stripe.${option}`);
    expect(() => resolveStripePaymentsConfig(config)).not.toThrow(valid.secretKey);
  });
});
