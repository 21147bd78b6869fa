import { FakeStripeServer, paidInvoice, stripeApiError, stripeFixture } from '@app/testing';
import type Stripe from 'stripe';

import { PaymentProviderError } from '../payments.errors';
import { RefundRequest } from '../payments.interface';
import { StripePaymentsService } from './stripe-payments.service';

const refund: RefundRequest = {
  paymentIntentId: 'pi_spec_01',
  amount: 1500,
  reason: 'requested_by_customer',
  metadata: { payment_id: 'pay_01' },
  idempotencyKey: 'refund-spec-key-01',
};

async function providerErrorOf(promise: Promise<unknown>): Promise<PaymentProviderError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PaymentProviderError);

  return error as PaymentProviderError;
}

describe('StripePaymentsService refunds, events and invoices against the fake Stripe server', () => {
  let fake: FakeStripeServer;

  const service = (maxNetworkRetries = 0) =>
    new StripePaymentsService({
      secretKey: 'sk_test_refunds_spec_0001',
      webhookSecrets: ['whsec_unused_here'],
      apiBaseUrl: fake.baseUrl,
      maxNetworkRetries,
    });

  beforeAll(async () => {
    fake = await FakeStripeServer.start();
  });

  afterEach(() => fake.reset());

  afterAll(() => fake.close());

  describe('createRefund', () => {
    it('refunds by payment intent with the amount, reason, metadata and our idempotency key', async () => {
      const created = await service().createRefund(refund);

      const [sent] = fake.requestsTo('POST', '/v1/refunds');
      expect(sent.headers['idempotency-key']).toBe('refund-spec-key-01');
      expect(sent.body).toEqual({
        payment_intent: 'pi_spec_01',
        amount: '1500',
        reason: 'requested_by_customer',
        metadata: { payment_id: 'pay_01' },
      });
      expect(created).toEqual({
        refundId: expect.stringMatching(/^re_/),
        status: 'succeeded',
        amount: 1500,
        currency: 'eur',
        chargeId: expect.any(String),
        paymentIntentId: 'pi_spec_01',
      });
    });

    it('refunds by charge only when there is no payment intent, and in full without an amount', async () => {
      await service().createRefund({
        chargeId: 'ch_spec_01',
        paymentIntentId: null,
        idempotencyKey: 'refund-spec-key-02',
      });

      const [sent] = fake.requestsTo('POST', '/v1/refunds');
      expect(sent.body).toEqual({ charge: 'ch_spec_01' });
    });

    it('needs a payment intent or a charge', async () => {
      const error = await providerErrorOf(
        service().createRefund({ idempotencyKey: 'refund-spec-key-03' }),
      );

      expect(error.kind).toBe('invalid_request');
      expect(fake.requestsTo('POST', '/v1/refunds')).toHaveLength(0);
    });

    it.each([
      ['charge_already_refunded', 'already_refunded', false],
      ['charge_disputed', 'disputed', false],
      ['idempotency_key_reused', 'idempotency_conflict', false],
      ['refund_exceeds_remaining', 'invalid_request', false],
      ['lock_timeout', 'unavailable', true],
      ['rate_limited', 'rate_limited', true],
    ])('maps %s to %s', async (fixture, kind, retryable) => {
      fake.failNext('/v1/refunds', stripeApiError(fixture));

      const error = await providerErrorOf(service().createRefund(refund));

      expect(error).toMatchObject({ kind, retryable });
    });

    it('keeps the code of amount_too_large for the caller to explain', async () => {
      fake.failNext('/v1/refunds', stripeApiError('refund_exceeds_remaining'));

      const error = await providerErrorOf(service().createRefund(refund));

      expect(error).toMatchObject({ code: 'amount_too_large', statusCode: 400 });
    });

    it("retries a 500 with the same key, and Stripe's fake makes one refund", async () => {
      fake.failNext('/v1/refunds', {
        status: 500,
        body: { error: { type: 'api_error', message: 'Something went wrong on our end.' } },
      });

      await service(1).createRefund(refund);

      const attempts = fake.requestsTo('POST', '/v1/refunds');
      expect(attempts.map((attempt) => attempt.headers['idempotency-key'])).toEqual([
        'refund-spec-key-01',
        'refund-spec-key-01',
      ]);
    });
  });

  describe('listEventsSince', () => {
    const event = (n: number) =>
      ({
        ...stripeFixture('invoice.payment_failed'),
        id: `evt_spec_page_${n}`,
        created: 1800000000 + n,
      }) as Stripe.Event;

    it('reads every page from `since` on, newest first', async () => {
      fake.addEvents(...Array.from({ length: 230 }, (_, n) => event(n)));

      const ids: string[] = [];
      for await (const listed of service().listEventsSince(new Date(1800000010 * 1000))) {
        ids.push(listed.id);
      }

      expect(ids).toHaveLength(220);
      expect(ids[0]).toBe('evt_spec_page_229');
      expect(ids.at(-1)).toBe('evt_spec_page_10');
      const pages = fake.requestsTo('GET', '/v1/events');
      expect(pages).toHaveLength(3);
      expect(pages[0].query).toMatchObject({ created: { gte: '1800000010' }, limit: '100' });
    });

    it('maps a failure while paging to PaymentProviderError', async () => {
      fake.failNext('/v1/events', stripeApiError('rate_limited'));

      const listing = async () => {
        for await (const listed of service().listEventsSince(new Date())) {
          expect(listed).toBeUndefined();
        }
      };

      expect((await providerErrorOf(listing())).kind).toBe('rate_limited');
    });
  });

  describe('findInvoicePayment', () => {
    const invoiceOptions = {
      invoiceId: 'in_spec_01',
      subscriptionId: 'sub_spec_01',
      gymId: 'gym_spec_01',
      paymentIntentId: 'pi_spec_paid_01',
    };

    it('reads the payment intent from the expanded payments of the invoice', async () => {
      fake.addInvoices(paidInvoice(invoiceOptions));

      await expect(service().findInvoicePayment('in_spec_01')).resolves.toEqual({
        paymentIntentId: 'pi_spec_paid_01',
        chargeId: null,
      });
      const [sent] = fake.requestsTo('GET', '/v1/invoices/in_spec_01');
      expect(sent.query).toEqual({ expand: ['payments'] });
    });

    it('is null for an invoice nothing paid yet', async () => {
      fake.addInvoices({ ...paidInvoice(invoiceOptions), payments: undefined });

      await expect(service().findInvoicePayment('in_spec_01')).resolves.toBeNull();
    });

    it('maps a missing invoice to invalid_request', async () => {
      const error = await providerErrorOf(service().findInvoicePayment('in_missing'));

      expect(error).toMatchObject({ kind: 'invalid_request', statusCode: 404 });
    });
  });
});
