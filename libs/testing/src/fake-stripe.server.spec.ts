import Stripe from 'stripe';

import { FakeStripeServer } from './fake-stripe.server';
import { paidInvoice } from './stripe-billing-events';
import { stripeApiError, stripeFixture } from './stripe-fixtures';

describe('FakeStripeServer through the real Stripe SDK', () => {
  let fake: FakeStripeServer;
  let stripe: Stripe;

  const clientFor = (key: string) =>
    new Stripe(key, {
      host: '127.0.0.1',
      port: fake.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });

  beforeAll(async () => {
    fake = await FakeStripeServer.start();
    stripe = clientFor('sk_test_fake_server_spec');
  });

  afterEach(() => fake.reset());

  afterAll(() => fake.close());

  describe('POST /v1/refunds', () => {
    it('answers a refund shaped like the fixture, with what was asked', async () => {
      const refund = await stripe.refunds.create(
        { charge: 'ch_spec_01', amount: 1500, metadata: { gym_id: 'gym_spec_01' } },
        { idempotencyKey: 'refund-spec-01' },
      );

      expect(Object.keys(refund).sort()).toEqual(
        Object.keys(stripeFixture('refund.object.succeeded')).sort(),
      );
      expect(refund).toMatchObject({
        object: 'refund',
        status: 'succeeded',
        charge: 'ch_spec_01',
        amount: 1500,
        metadata: { gym_id: 'gym_spec_01' },
      });
      expect(refund.id).toMatch(/^re_test_/);
    });

    it('replays the same refund for the same key and parameters', async () => {
      const params = { payment_intent: 'pi_spec_01' };

      const first = await stripe.refunds.create(params, { idempotencyKey: 'refund-spec-02' });
      const second = await stripe.refunds.create(params, { idempotencyKey: 'refund-spec-02' });

      expect(second.id).toBe(first.id);
      expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    });

    it('refuses the same key with other parameters as an idempotency_error', async () => {
      await stripe.refunds.create({ charge: 'ch_spec_01' }, { idempotencyKey: 'refund-spec-03' });

      await expect(
        stripe.refunds.create(
          { charge: 'ch_spec_01', amount: 100 },
          { idempotencyKey: 'refund-spec-03' },
        ),
      ).rejects.toMatchObject({
        type: 'StripeIdempotencyError',
        statusCode: 400,
        message: expect.stringContaining("'refund-spec-03'"),
      });
    });

    it('leaves the key unused when the request is refused', async () => {
      await expect(
        stripe.refunds.create({}, { idempotencyKey: 'refund-spec-04' }),
      ).rejects.toMatchObject({ statusCode: 400, code: 'parameter_missing' });

      await expect(
        stripe.refunds.create({ charge: 'ch_spec_01' }, { idempotencyKey: 'refund-spec-04' }),
      ).resolves.toMatchObject({ object: 'refund' });
    });
  });

  describe('POST /v1/refunds against a charge it knows', () => {
    beforeEach(() => {
      fake.addCharge({
        id: 'ch_known',
        paymentIntentId: 'pi_known',
        amount: 5000,
        currency: 'jpy',
      });
    });

    it('refunds what is left when no amount is given, in the charge currency', async () => {
      await stripe.refunds.create({ payment_intent: 'pi_known', amount: 1000 });
      const rest = await stripe.refunds.create({ payment_intent: 'pi_known' });

      expect(rest).toMatchObject({ amount: 4000, currency: 'jpy', charge: 'ch_known' });
      expect(fake.charge('ch_known')?.amountRefunded).toBe(5000);
    });

    it('refuses more than is left, then a charge refunded in full, as Stripe does', async () => {
      await expect(
        stripe.refunds.create({ charge: 'ch_known', amount: 5001 }),
      ).rejects.toMatchObject({ code: 'amount_too_large', statusCode: 400 });
      await stripe.refunds.create({ charge: 'ch_known' });

      const again = stripe.refunds.create({ charge: 'ch_known' });
      await expect(again).rejects.toMatchObject({ code: 'charge_already_refunded' });
      await expect(again).rejects.toThrow('Charge ch_known has already been refunded.');
    });

    it('refuses a disputed charge', async () => {
      fake.addCharge({ id: 'ch_disputed', amount: 4900, currency: 'eur', disputed: true });

      await expect(stripe.refunds.create({ charge: 'ch_disputed' })).rejects.toMatchObject({
        code: 'charge_disputed',
      });
    });
  });

  describe('GET /v1/invoices/:id', () => {
    const invoice = () =>
      paidInvoice({
        invoiceId: 'in_spec_01',
        subscriptionId: 'sub_spec_01',
        gymId: 'gym_spec_01',
        paymentIntentId: 'pi_spec_01',
      });

    it('answers payments only when they are expanded, as an includable field', async () => {
      fake.addInvoices(invoice());

      const plain = await stripe.invoices.retrieve('in_spec_01');
      const expanded = await stripe.invoices.retrieve('in_spec_01', { expand: ['payments'] });

      expect(plain.payments).toBeUndefined();
      expect(expanded.payments?.data[0].payment.payment_intent).toBe('pi_spec_01');
    });

    it('answers 404 for an invoice it does not hold', async () => {
      await expect(stripe.invoices.retrieve('in_missing')).rejects.toMatchObject({
        statusCode: 404,
        code: 'resource_missing',
      });
    });
  });

  describe('GET /v1/events', () => {
    const event = (n: number, type = 'checkout.session.completed') => ({
      ...stripeFixture('checkout.session.completed.paid', { eventId: `evt_spec_${n}` }),
      type,
      created: 1800000000 + n,
    });

    beforeEach(() => {
      fake.addEvents(...([1, 2, 3, 4, 5].map((n) => event(n)) as Stripe.Event[]));
      fake.addEvents(event(6, 'invoice.payment_failed') as Stripe.Event);
    });

    it('lists newest first, a page at a time, with has_more and starting_after', async () => {
      const first = await stripe.events.list({ limit: 2 });
      const second = await stripe.events.list({ limit: 2, starting_after: first.data[1].id });

      expect(first.data.map((e) => e.id)).toEqual(['evt_spec_6', 'evt_spec_5']);
      expect(first.has_more).toBe(true);
      expect(second.data.map((e) => e.id)).toEqual(['evt_spec_4', 'evt_spec_3']);
    });

    it('filters on created[gte] and type, and pages to the end', async () => {
      const ids: string[] = [];
      const pages = stripe.events.list({
        limit: 1,
        created: { gte: 1800000003 },
        type: 'checkout.session.completed',
      });
      for await (const listed of pages) {
        ids.push(listed.id);
      }

      expect(ids).toEqual(['evt_spec_5', 'evt_spec_4', 'evt_spec_3']);
      expect(fake.requestsTo('GET', '/v1/events').at(-1)?.query).toMatchObject({
        created: { gte: '1800000003' },
        starting_after: 'evt_spec_4',
      });
    });
  });

  describe('scripted failures and recording', () => {
    it('answers the scripted failures for a path in order, then works again', async () => {
      fake.failNext('/v1/refunds', stripeApiError('charge_already_refunded'));
      fake.failNext('/v1/refunds', stripeApiError('lock_timeout'));
      const refund = () => stripe.refunds.create({ charge: 'ch_spec_01' });

      await expect(refund()).rejects.toMatchObject({ code: 'charge_already_refunded' });
      await expect(refund()).rejects.toMatchObject({ code: 'lock_timeout', statusCode: 409 });
      await expect(refund()).resolves.toMatchObject({ object: 'refund' });
    });

    it('records method, path, headers and parsed body of every request', async () => {
      await stripe.refunds.create(
        { charge: 'ch_spec_01', metadata: { admin_user: 'admin_01' } },
        { idempotencyKey: 'refund-spec-05' },
      );

      expect(fake.requests).toEqual([
        expect.objectContaining({
          method: 'POST',
          path: '/v1/refunds',
          body: { charge: 'ch_spec_01', metadata: { admin_user: 'admin_01' } },
          headers: expect.objectContaining({
            'idempotency-key': 'refund-spec-05',
            'content-type': 'application/x-www-form-urlencoded',
          }),
        }),
      ]);
    });

    it('forgets requests, failures, keys, events, invoices and charges on reset', async () => {
      fake.failNext('/v1/refunds', stripeApiError('charge_disputed'));
      fake.addCharge({ id: 'ch_spec_01', amount: 100, currency: 'eur', amountRefunded: 100 });
      fake.addEvents(stripeFixture('customer.subscription.deleted'));
      await stripe.events.list();

      fake.reset();

      expect(fake.requests).toHaveLength(0);
      await expect(stripe.refunds.create({ charge: 'ch_spec_01' })).resolves.toBeDefined();
      expect((await stripe.events.list()).data).toHaveLength(0);
    });

    it('takes test keys only', async () => {
      await expect(
        clientFor('sk_live_not_for_the_fake').refunds.create({ charge: 'ch_1' }),
      ).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
    });

    it('answers 404 for a path it does not serve', async () => {
      await expect(stripe.customers.create({})).rejects.toMatchObject({
        type: 'StripeInvalidRequestError',
        statusCode: 404,
      });
    });
  });
});
