import { FakeStripeServer, stripeApiError } from '@app/testing';

import { PaymentProviderError } from '../payments.errors';
import { CheckoutSessionRequest } from '../payments.interface';
import { StripePaymentsConfig } from './stripe-payments.config';
import { StripePaymentsService } from './stripe-payments.service';

const SECRET_KEY = 'sk_test_payments_spec_0001';

const request: CheckoutSessionRequest = {
  priceId: 'price_StudioMonthly',
  clientReferenceId: 'gym_spec_01',
  metadata: { gym_id: 'gym_spec_01', plan: 'studio_monthly' },
  customerEmail: 'owner@gym.example.test',
  successUrl: 'https://wizard.example.test/checkout/success?session_id={CHECKOUT_SESSION_ID}',
  cancelUrl: 'https://wizard.example.test/checkout/cancel',
  idempotencyKey: 'checkout-gym_spec_01-1',
};

async function providerErrorOf(promise: Promise<unknown>): Promise<PaymentProviderError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PaymentProviderError);

  return error as PaymentProviderError;
}

describe('StripePaymentsService against the fake Stripe server', () => {
  let fake: FakeStripeServer;

  const service = (overrides: Partial<StripePaymentsConfig> = {}) =>
    new StripePaymentsService({
      secretKey: SECRET_KEY,
      webhookSecrets: ['whsec_unused_here'],
      apiBaseUrl: fake.baseUrl,
      maxNetworkRetries: 0,
      ...overrides,
    });

  beforeAll(async () => {
    fake = await FakeStripeServer.start();
  });

  afterEach(() => fake.reset());

  afterAll(() => fake.close());

  describe('createCheckoutSession', () => {
    it('sends the subscription form fields, metadata and idempotency key', async () => {
      const session = await service().createCheckoutSession(request);

      expect(session.sessionId).toMatch(/^cs_test_/);
      expect(session.url).toBe(`${fake.baseUrl}/pay/${session.sessionId}`);

      const [sent] = fake.requestsTo('POST', '/v1/checkout/sessions');
      expect(sent.headers['idempotency-key']).toBe(request.idempotencyKey);
      expect(sent.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
      expect(sent.body).toEqual({
        mode: 'subscription',
        line_items: [{ price: 'price_StudioMonthly', quantity: '1' }],
        client_reference_id: 'gym_spec_01',
        metadata: { gym_id: 'gym_spec_01', plan: 'studio_monthly' },
        subscription_data: { metadata: { gym_id: 'gym_spec_01', plan: 'studio_monthly' } },
        customer_email: 'owner@gym.example.test',
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      });
    });

    it('leaves customer_email out when there is none', async () => {
      await service().createCheckoutSession({ ...request, customerEmail: undefined });

      const [sent] = fake.requestsTo('POST', '/v1/checkout/sessions');
      expect(sent.body).not.toHaveProperty('customer_email');
    });

    it('gets the same session back for the same idempotency key', async () => {
      const payments = service();

      const first = await payments.createCheckoutSession(request);
      const second = await payments.createCheckoutSession(request);

      expect(second).toEqual(first);
    });

    it('maps a 402 card error to card_declined with its code', async () => {
      fake.failNext('/v1/checkout/sessions', stripeApiError('card_declined'));

      const error = await providerErrorOf(service().createCheckoutSession(request));

      expect(error).toMatchObject({
        kind: 'card_declined',
        code: 'card_declined',
        declineCode: 'insufficient_funds',
        statusCode: 402,
        retryable: false,
      });
      expect(error.requestId).toMatch(/^req_/);
      expect(error.message).toContain('Your card has insufficient funds.');
    });

    it('maps a 500 to unavailable', async () => {
      fake.failNext('/v1/checkout/sessions', {
        status: 500,
        body: { error: { type: 'api_error', message: 'Something went wrong on our end.' } },
      });

      const error = await providerErrorOf(service().createCheckoutSession(request));

      expect(error).toMatchObject({ kind: 'unavailable', statusCode: 500, retryable: true });
    });

    it('maps a 429 to rate_limited', async () => {
      fake.failNext('/v1/checkout/sessions', stripeApiError('rate_limited'));

      const error = await providerErrorOf(service().createCheckoutSession(request));

      expect(error).toMatchObject({ kind: 'rate_limited', code: 'rate_limit', statusCode: 429 });
    });

    it('maps an idempotency key reused with other parameters to idempotency_conflict', async () => {
      const payments = service();
      await payments.createCheckoutSession(request);

      const error = await providerErrorOf(
        payments.createCheckoutSession({ ...request, priceId: 'price_Other' }),
      );

      expect(error).toMatchObject({ kind: 'idempotency_conflict', statusCode: 400 });
    });

    it('maps a refused key to authentication and says nothing about the key', async () => {
      fake.failNext('/v1/checkout/sessions', {
        status: 401,
        body: {
          error: {
            type: 'invalid_request_error',
            message: `Invalid API Key provided: ${SECRET_KEY.slice(0, 12)}****0001`,
          },
        },
      });

      const error = await providerErrorOf(service().createCheckoutSession(request));

      expect(error).toMatchObject({ kind: 'authentication', statusCode: 401 });
      expect(error.message).not.toMatch(/sk_test|0001/);
    });

    it('takes anything shaped like a key out of a provider message', async () => {
      fake.failNext('/v1/checkout/sessions', {
        status: 400,
        body: {
          error: {
            type: 'invalid_request_error',
            code: 'parameter_invalid',
            message: 'Something about sk_test_abc123 and whsec_def456',
          },
        },
      });

      const error = await providerErrorOf(service().createCheckoutSession(request));

      expect(error.kind).toBe('invalid_request');
      expect(error.message).not.toMatch(/sk_test_abc123|whsec_def456/);
      expect(error.message).toContain('[redacted]');
    });

    it('with retries configured, yields one session after a 500 then success', async () => {
      fake.failNext('/v1/checkout/sessions', {
        status: 500,
        body: { error: { type: 'api_error', message: 'Something went wrong on our end.' } },
      });

      const session = await service({ maxNetworkRetries: 1 }).createCheckoutSession(request);

      const attempts = fake.requestsTo('POST', '/v1/checkout/sessions');
      expect(session.sessionId).toMatch(/^cs_test_/);
      expect(attempts).toHaveLength(2);
      expect(attempts.map((a) => a.headers['idempotency-key'])).toEqual([
        request.idempotencyKey,
        request.idempotencyKey,
      ]);
    });

    it('maps a refused connection to unavailable', async () => {
      const closed = await FakeStripeServer.start();
      const apiBaseUrl = closed.baseUrl;
      await closed.close();

      const error = await providerErrorOf(service({ apiBaseUrl }).createCheckoutSession(request));

      expect(error).toMatchObject({ kind: 'unavailable', retryable: true });
    });
  });

  describe('healthCheck', () => {
    it('is up when Stripe answers', async () => {
      await expect(service().healthCheck()).resolves.toEqual({ status: 'up' });
    });

    it('is down, without throwing, when Stripe refuses the key', async () => {
      const health = await service({ secretKey: 'sk_live_not_for_the_fake' }).healthCheck();

      expect(health.status).toBe('down');
      expect(health.detail).toContain('authentication');
      expect(health.detail).not.toContain('sk_live');
    });

    it('is down, without throwing, when Stripe cannot be reached', async () => {
      const closed = await FakeStripeServer.start();
      const apiBaseUrl = closed.baseUrl;
      await closed.close();

      await expect(service({ apiBaseUrl, maxNetworkRetries: 2 }).healthCheck()).resolves.toEqual({
        status: 'down',
        detail: expect.stringContaining('unavailable'),
      });
    });
  });
});
