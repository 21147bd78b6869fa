import {
  signStripePayload,
  signStripePayloadWithExtraWrongSignature,
  signStripePayloadWithWrongSecret,
  stripeFixture,
  unixSecondsFromNow,
} from '@app/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { requireServers } from './support/integration';
import { TestPlatform } from './support/platform';

describe('POST /webhooks/stripe (PostgreSQL and RabbitMQ)', () => {
  let platform: TestPlatform;
  let db: DataSource;

  beforeAll(async () => {
    await requireServers();
    platform = await TestPlatform.start('servers');
    db = platform.wizard.get(DataSource);
  }, 60_000);

  afterAll(async () => {
    await platform?.stop();
  });

  const gymAwaitingPayment = () => platform.gymAwaitingPayment();
  const paidEvent = (gymId: string, sessionId: string, fixture?: string) =>
    platform.checkoutEvent(gymId, sessionId, fixture);

  const eventRow = (id: string) =>
    db.query('SELECT outcome, detail, deliveries FROM stripe_events WHERE id = $1', [id]);
  const count = async (table: string, gymId: string) =>
    Number((await db.query(`SELECT count(*) FROM ${table} WHERE gym_id = $1`, [gymId]))[0].count);

  function post(payload: string, signature?: string) {
    const call = platform.wizardHttp
      .post('/webhooks/stripe')
      .set('content-type', 'application/json');

    return (signature === undefined ? call : call.set('stripe-signature', signature)).send(payload);
  }

  describe('signatures', () => {
    it.each([
      [
        'a tampered body',
        (body: string, secret: string) => [
          body.replace('"paid"', '"free"'),
          signStripePayload(body, secret),
        ],
      ],
      ['a wrong secret', (body: string) => [body, signStripePayloadWithWrongSecret(body)]],
      [
        'a timestamp older than 300 s',
        (body: string, secret: string) => [
          body,
          signStripePayload(body, secret, { timestamp: unixSecondsFromNow(-301) }),
        ],
      ],
      [
        'a timestamp far in the future',
        (body: string, secret: string) => [
          body,
          signStripePayload(body, secret, { timestamp: unixSecondsFromNow(3600) }),
        ],
      ],
      ['no Stripe-Signature header', (body: string) => [body, undefined]],
      ['a garbage header', (body: string) => [body, 't=abc,v1=zzz']],
    ])(
      'drops %s with 200, processes nothing and logs a warning without the payload',
      async (_name, build) => {
        const { gymId, sessionId } = await gymAwaitingPayment();
        const event = paidEvent(gymId, sessionId);
        const [payload, signature] = build(JSON.stringify(event), platform.secrets.webhookSecret);

        const answer = await post(payload as string, signature as string | undefined).expect(200);

        expect(answer.body).toEqual({ received: true, outcome: 'rejected' });
        expect(await eventRow(event.id)).toEqual([]);
        expect(await count('payments', gymId)).toBe(0);
        const warning = platform.logsContaining('Stripe webhook rejected').at(-1) ?? '';
        expect(JSON.parse(warning).level).toBe(40);
        expect(warning).not.toContain(sessionId);
        expect(warning).not.toContain(platform.secrets.webhookSecret);
      },
    );

    it('accepts a header with two v1 signatures of which one is valid', async () => {
      const { gymId, sessionId } = await gymAwaitingPayment();
      const event = paidEvent(gymId, sessionId);
      const payload = JSON.stringify(event);

      const answer = await post(
        payload,
        signStripePayloadWithExtraWrongSignature(payload, platform.secrets.webhookSecret),
      ).expect(200);

      expect(answer.body.outcome).toBe('processed');
    });

    it('accepts an event signed with any configured secret (rotation)', async () => {
      const { gymId, sessionId } = await gymAwaitingPayment();

      const answer = await platform
        .deliver(paidEvent(gymId, sessionId), platform.secrets.previousWebhookSecret)
        .expect(200);

      expect(answer.body.outcome).toBe('processed');
    });

    it('drops a signed body that is not JSON', async () => {
      const payload = 'this is not json {';

      const answer = await post(
        payload,
        signStripePayload(payload, platform.secrets.webhookSecret),
      ).expect(200);

      expect(answer.body.outcome).toBe('rejected');
    });
  });

  describe('events', () => {
    it('answers an unhandled type with 200, records it and logs it', async () => {
      const event = {
        ...stripeFixture('customer.subscription.deleted'),
        id: `evt_${randomBytes(6).toString('hex')}`,
        type: 'customer.created',
      };

      const answer = await platform.deliver(event).expect(200);

      expect(answer.body.outcome).toBe('ignored');
      expect(await eventRow(event.id)).toEqual([
        { outcome: 'ignored', detail: 'customer.created is not handled', deliveries: 1 },
      ]);
      expect(platform.logsContaining(event.id).length).toBeGreaterThan(0);
    });

    it('logs and answers 200 for a session without gym metadata (stripe trigger), changing nothing', async () => {
      const event = stripeFixture('checkout.session.completed.cli_trigger_no_metadata', {
        eventId: `evt_${randomBytes(6).toString('hex')}`,
      });

      const answer = await platform.deliver(event).expect(200);

      expect(answer.body.outcome).toBe('ignored');
      expect((await eventRow(event.id))[0].detail).toMatch(/no gym id/);
    });

    it('skips an event id seen before', async () => {
      const { gymId, sessionId } = await gymAwaitingPayment();
      const event = paidEvent(gymId, sessionId);

      await platform.deliver(event).expect(200);
      const again = await platform.deliver(event).expect(200);

      expect(again.body.outcome).toBe('duplicate');
      expect((await eventRow(event.id))[0]).toEqual(
        expect.objectContaining({ outcome: 'processed', deliveries: 2 }),
      );
    });

    it('takes effect once when one event arrives 20 times at once', async () => {
      const { owner, gymId, sessionId } = await gymAwaitingPayment();
      const event = paidEvent(gymId, sessionId);

      const answers = await Promise.all(Array.from({ length: 20 }, () => platform.deliver(event)));

      expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
      expect(answers.filter((answer) => answer.body.outcome === 'processed')).toHaveLength(1);
      expect(await count('payments', gymId)).toBe(1);
      expect(await count('licenses', gymId)).toBe(1);
      expect(await count('email_outbox', gymId)).toBe(1);
      await platform.waitForEmail(owner.email, 'Activate');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(platform.sentEmails().filter((email) => email.to === owner.email)).toHaveLength(1);
    });

    it('takes effect once when two copies of the Wizard get the same event at once', async () => {
      const copy = await platform.startWizardCopy();
      const { owner, gymId, sessionId } = await gymAwaitingPayment();
      const payload = JSON.stringify(paidEvent(gymId, sessionId));
      const deliverTo = (app: typeof copy) =>
        request(app.getHttpServer())
          .post('/webhooks/stripe')
          .set('content-type', 'application/json')
          .set('stripe-signature', signStripePayload(payload, platform.secrets.webhookSecret))
          .send(payload);

      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, index) => deliverTo(index % 2 ? copy : platform.wizard)),
      );

      expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
      expect(answers.filter((answer) => answer.body.outcome === 'processed')).toHaveLength(1);
      expect(await count('payments', gymId)).toBe(1);
      expect(await count('email_outbox', gymId)).toBe(1);
      await platform.waitForEmail(owner.email, 'Activate');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(platform.sentEmails().filter((email) => email.to === owner.email)).toHaveLength(1);
    });

    it("answers 500 when the database fails, records the failure, and works on Stripe's retry", async () => {
      const { gymId, sessionId } = await gymAwaitingPayment();
      const event = paidEvent(gymId, sessionId);
      await db.query('ALTER TABLE licenses RENAME TO licenses_away');

      try {
        const failed = await platform.deliver(event);
        expect(failed.status).toBe(500);
        expect(failed.body.message).not.toMatch(/licenses/);
        expect((await eventRow(event.id))[0].outcome).toBe('failed');
        expect(await count('payments', gymId)).toBe(0);
      } finally {
        await db.query('ALTER TABLE licenses_away RENAME TO licenses');
      }

      const retried = await platform.deliver(event).expect(200);
      expect(retried.body.outcome).toBe('processed');
      expect(await count('payments', gymId)).toBe(1);
    });
  });

  it('tags its own log lines with the request id, and not the background work it starts', async () => {
    const { owner, gymId, sessionId } = await gymAwaitingPayment();
    const payload = JSON.stringify(paidEvent(gymId, sessionId));
    const requestId = `webhook-${randomBytes(6).toString('hex')}`;

    await platform.wizardHttp
      .post('/webhooks/stripe')
      .set('content-type', 'application/json')
      .set('x-request-id', requestId)
      .set('stripe-signature', signStripePayload(payload, platform.secrets.webhookSecret))
      .send(payload)
      .expect(200);
    await platform.waitForEmail(owner.email, 'Activate');

    const tagged = platform.logsContaining(requestId);
    expect(tagged.some((line) => line.includes('Stripe event handled'))).toBe(true);
    expect(tagged.filter((line) => /Email .* sent through|Relay/.test(line))).toEqual([]);
  });

  describe('delayed payment methods', () => {
    it('activates nothing until the async payment succeeds', async () => {
      const { owner, auth, gymId, sessionId } = await gymAwaitingPayment();

      await platform
        .deliver(paidEvent(gymId, sessionId, 'checkout.session.completed.unpaid_async'))
        .expect(200);
      const waiting = await platform.wizardHttp.get(`/gyms/${gymId}`).set(auth).expect(200);
      expect(waiting.body).toEqual(
        expect.objectContaining({ status: 'pending_payment', license: null }),
      );
      expect(await count('email_outbox', gymId)).toBe(0);

      await platform
        .deliver(paidEvent(gymId, sessionId, 'checkout.session.async_payment_succeeded'))
        .expect(200);
      const paid = await platform.wizardHttp.get(`/gyms/${gymId}`).set(auth).expect(200);
      expect(paid.body.status).toBe('paid');
      await platform.waitForEmail(owner.email, 'Activate');
      const payments = await platform.wizardHttp
        .get(`/gyms/${gymId}/payments`)
        .set(auth)
        .expect(200);
      expect(payments.body).toEqual([expect.objectContaining({ status: 'paid' })]);
    });

    it('marks a failed async payment and emails the owner', async () => {
      const { owner, auth, gymId, sessionId } = await gymAwaitingPayment();

      await platform
        .deliver(paidEvent(gymId, sessionId, 'checkout.session.completed.unpaid_async'))
        .expect(200);
      await platform
        .deliver(paidEvent(gymId, sessionId, 'checkout.session.async_payment_failed'))
        .expect(200);

      const gym = await platform.wizardHttp.get(`/gyms/${gymId}`).set(auth).expect(200);
      expect(gym.body).toEqual(expect.objectContaining({ status: 'draft', license: null }));
      const payments = await platform.wizardHttp
        .get(`/gyms/${gymId}/payments`)
        .set(auth)
        .expect(200);
      expect(payments.body).toEqual([expect.objectContaining({ status: 'failed' })]);
      const email = await platform.waitForEmail(owner.email, 'payment');
      expect(email.text).toContain(`/gyms/${gymId}/checkout`);
    });
  });

  it('is also reachable under the public prefix /wizard', async () => {
    const { gymId, sessionId } = await gymAwaitingPayment();
    const payload = JSON.stringify(paidEvent(gymId, sessionId));

    const answer = await platform.wizardHttp
      .post('/wizard/webhooks/stripe')
      .set('content-type', 'application/json')
      .set('stripe-signature', signStripePayload(payload, platform.secrets.webhookSecret))
      .send(payload)
      .expect(200);

    expect(answer.body.outcome).toBe('processed');
  });
});
