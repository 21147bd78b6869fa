import { randomUUID } from 'node:crypto';
import { chargeRefundedEvent, paidInvoice, stripeApiError, unixSecondsFromNow } from '@app/testing';
import { DataSource } from 'typeorm';
import { paidGym, type PaidGym } from './support/billing';
import { requireServers } from './support/integration';
import { TestPlatform } from './support/platform';

describe('POST /admin/payments/:id/refunds (PostgreSQL, RabbitMQ, fake Stripe)', () => {
  let platform: TestPlatform;
  let db: DataSource;
  let admin: { email: string; token: string };
  let asAdmin: { authorization: string };

  beforeAll(async () => {
    await requireServers();
    platform = await TestPlatform.start('servers');
    db = platform.wizard.get(DataSource);
    admin = await platform.signUpAdmin();
    asAdmin = { authorization: `Bearer ${admin.token}` };
  }, 60_000);

  afterAll(async () => {
    await platform?.stop();
  });

  const refund = (paymentId: string, body: object = {}, key: string | null = randomUUID()) => {
    const call = platform.wizardHttp.post(`/admin/payments/${paymentId}/refunds`).set(asAdmin);

    return (key === null ? call : call.set('idempotency-key', key)).send(body);
  };
  const stripeRefundsFor = (gym: PaidGym) =>
    platform.stripe
      .requestsTo('POST', '/v1/refunds')
      .filter((sent) => sent.body.payment_intent === gym.paymentIntentId);
  const paymentOf = async (gym: PaidGym) =>
    (await platform.wizardHttp.get(`/gyms/${gym.gymId}/payments`).set(gym.auth).expect(200))
      .body[0];
  const auditOf = (gym: PaidGym) =>
    db.query(
      `SELECT source, actor_id, actor_email, amount, currency, outcome, detail, stripe_refund_id,
              idempotency_key
       FROM refund_audit_log WHERE payment_id = $1 ORDER BY created_at`,
      [gym.paymentId],
    );

  describe('who may refund', () => {
    it("refuses the gym's owner and any other user (staff) with 403, and nobody is refunded", async () => {
      const gym = await paidGym(platform);
      const staff = await platform.signUp();

      for (const token of [gym.owner.token, staff.token]) {
        const answer = await platform.wizardHttp
          .post(`/admin/payments/${gym.paymentId}/refunds`)
          .set({ authorization: `Bearer ${token}` })
          .set('idempotency-key', randomUUID())
          .send({})
          .expect(403);
        expect(answer.body.message).toBe('This needs a platform admin.');
      }
      await platform.wizardHttp
        .post(`/admin/payments/${gym.paymentId}/refunds`)
        .send({})
        .expect(401);
      expect(stripeRefundsFor(gym)).toEqual([]);
    });

    it('answers 404 for a payment that does not exist, and 400 for an id that is no uuid', async () => {
      const missing = await refund(randomUUID()).expect(404);
      await refund('not-a-uuid').expect(400);

      expect(missing.body.message).toMatch(/There is no payment/);
    });
  });

  describe('a refund', () => {
    it('refunds the payment intent in full without an amount, and tells, records and audits it', async () => {
      const gym = await paidGym(platform);
      const key = randomUUID();

      const answer = await refund(gym.paymentId, { reason: 'requested_by_customer' }, key).expect(
        201,
      );

      expect(answer.body).toEqual({
        id: expect.any(String),
        paymentId: gym.paymentId,
        status: 'succeeded',
        amount: 4900,
        currency: 'eur',
        stripeRefundId: expect.stringMatching(/^re_/),
      });
      const [sent] = stripeRefundsFor(gym);
      expect(sent.headers['idempotency-key']).toBe(key);
      expect(sent.body).toEqual({
        payment_intent: gym.paymentIntentId,
        reason: 'requested_by_customer',
        metadata: { payment_id: gym.paymentId, gym_id: gym.gymId, admin_user: expect.any(String) },
      });
      expect(await paymentOf(gym)).toMatchObject({ status: 'refunded', refundedAmount: 4900 });
      const email = await platform.waitForEmail(gym.owner.email, 'Refund of EUR 49.00');
      expect(email.text).toContain('refunded in full');
      expect(await auditOf(gym)).toEqual([
        expect.objectContaining({
          source: 'admin_api',
          actor_email: admin.email,
          amount: 4900,
          currency: 'eur',
          outcome: 'succeeded',
          stripe_refund_id: answer.body.stripeRefundId,
          idempotency_key: key,
        }),
      ]);
      expect(platform.logsContaining('Refund audited').length).toBeGreaterThan(0);
    });

    it('refunds in parts, then refuses more once nothing is left, without asking Stripe', async () => {
      const gym = await paidGym(platform);

      await refund(gym.paymentId, { amount: 1000 }).expect(201);
      expect(await paymentOf(gym)).toMatchObject({
        status: 'partially_refunded',
        refundedAmount: 1000,
      });
      await refund(gym.paymentId, { amount: 3900 }).expect(201);
      const more = await refund(gym.paymentId, { amount: 1 }).expect(409);

      expect(more.body.message).toMatch(/refunded in full already/);
      expect(stripeRefundsFor(gym).map((sent) => sent.body.amount)).toEqual(['1000', '3900']);
      expect(await paymentOf(gym)).toMatchObject({ status: 'refunded', refundedAmount: 4900 });
    });
  });

  describe('amount checks, before Stripe is called', () => {
    it.each([
      ['zero', { amount: 0 }, /amount must not be less than 1/],
      ['a negative amount', { amount: -100 }, /amount must not be less than 1/],
      ['a fraction', { amount: 10.5 }, /amount must be an integer/],
      ['a string', { amount: '100' }, /amount must be an integer/],
      ['more than is left', { amount: 4901 }, /4901 is more than the 4900 \(EUR 49.00\) left/],
      ['an unknown reason', { reason: 'because' }, /reason must be one of/],
    ])('answers %s with 400 and calls nobody', async (_case, body, message) => {
      const gym = await paidGym(platform);

      const answer = await refund(gym.paymentId, body).expect(400);

      expect(JSON.stringify(answer.body.message)).toMatch(message);
      expect(stripeRefundsFor(gym)).toEqual([]);
      expect((await paymentOf(gym)).refundedAmount).toBe(0);
    });

    it('audits an amount refused by the rules', async () => {
      const gym = await paidGym(platform);

      await refund(gym.paymentId, { amount: 5000 }).expect(400);

      expect(await auditOf(gym)).toEqual([
        expect.objectContaining({ outcome: 'rejected', amount: 5000, actor_email: admin.email }),
      ]);
    });

    it('counts a zero-decimal currency in whole yen', async () => {
      const gym = await paidGym(platform, { amount: 5000, currency: 'jpy' });

      const over = await refund(gym.paymentId, { amount: 5001 }).expect(400);
      const whole = await refund(gym.paymentId, { amount: 5000 }).expect(201);

      expect(over.body.message).toContain('5000 (JPY 5,000) left');
      expect(whole.body).toMatchObject({ amount: 5000, currency: 'jpy' });
      expect(await paymentOf(gym)).toMatchObject({ status: 'refunded', refundedAmount: 5000 });
      await platform.waitForEmail(gym.owner.email, 'Refund of JPY 5,000');
    });

    it('needs an Idempotency-Key', async () => {
      const gym = await paidGym(platform);

      const answer = await refund(gym.paymentId, {}, null).expect(400);

      expect(answer.body.message).toMatch(/Idempotency-Key header is required/);
      expect(stripeRefundsFor(gym)).toEqual([]);
    });
  });

  describe('idempotency', () => {
    it('gives the same answer for the same key, with one refund at Stripe', async () => {
      const gym = await paidGym(platform);
      const key = randomUUID();

      const first = await refund(gym.paymentId, { amount: 1500 }, key).expect(201);
      const again = await refund(gym.paymentId, { amount: 1500 }, key).expect(201);

      expect(again.body).toEqual(first.body);
      expect(stripeRefundsFor(gym)).toHaveLength(1);
      expect((await paymentOf(gym)).refundedAmount).toBe(1500);
    });

    it('makes one refund when the same request comes 10 times at once with one key', async () => {
      const gym = await paidGym(platform);
      const key = randomUUID();

      const answers = await Promise.all(
        Array.from({ length: 10 }, () => refund(gym.paymentId, { amount: 2000 }, key)),
      );

      expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(201));
      expect(new Set(answers.map((answer) => answer.body.stripeRefundId)).size).toBe(1);
      expect(stripeRefundsFor(gym)).toHaveLength(1);
      expect(await paymentOf(gym)).toMatchObject({
        status: 'partially_refunded',
        refundedAmount: 2000,
      });
      expect(platform.stripe.charge(gym.chargeId)?.amountRefunded).toBe(2000);
      await platform.waitForEmail(gym.owner.email, 'Refund of EUR 20.00');
      const emails = await db.query(
        `SELECT count(*)::int AS count FROM email_outbox WHERE gym_id = $1 AND template = 'refund_confirmation'`,
        [gym.gymId],
      );
      expect(emails[0].count).toBe(1);
    });

    it('refuses a key sent again with another amount with 409', async () => {
      const gym = await paidGym(platform);
      const key = randomUUID();
      await refund(gym.paymentId, { amount: 1000 }, key).expect(201);

      const other = await refund(gym.paymentId, { amount: 2000 }, key).expect(409);

      expect(other.body.message).toMatch(/Idempotency-Key was used for another refund request/);
      expect(stripeRefundsFor(gym)).toHaveLength(1);
    });

    it("answers 409 when Stripe saw the key with other parameters (Stripe's idempotency_error)", async () => {
      const gym = await paidGym(platform);
      platform.stripe.failNext('/v1/refunds', stripeApiError('idempotency_key_reused'));
      const key = randomUUID();

      const answer = await refund(gym.paymentId, {}, key).expect(409);
      const again = await refund(gym.paymentId, {}, key).expect(409);

      expect(answer.body.message).toMatch(
        /Stripe has seen this Idempotency-Key with other parameters/,
      );
      expect(again.body).toEqual({ ...answer.body, requestId: expect.any(String) });
      expect(stripeRefundsFor(gym)).toHaveLength(1);
    });

    it('keeps nothing when Stripe is busy, so the same key works once it is back', async () => {
      const gym = await paidGym(platform);
      const { body } = stripeApiError('rate_limited');
      platform.stripe.failNext('/v1/refunds', { status: 429, body });
      const key = randomUUID();

      const busy = await refund(gym.paymentId, {}, key).expect(503);
      const retried = await refund(gym.paymentId, {}, key).expect(201);

      expect(busy.body.message).toMatch(/retry with the same Idempotency-Key/);
      expect(retried.body).toMatchObject({ status: 'succeeded', amount: 4900 });
      expect((await auditOf(gym)).map((row: { outcome: string }) => row.outcome)).toEqual([
        'failed',
        'succeeded',
      ]);
    });
  });

  describe("Stripe's refusals", () => {
    it('takes charge_already_refunded as done: the payment says refunded, and no error loop', async () => {
      const gym = await paidGym(platform);
      platform.stripe.failNext('/v1/refunds', stripeApiError('charge_already_refunded'));

      const answer = await refund(gym.paymentId).expect(201);
      const next = await refund(gym.paymentId).expect(409);

      expect(answer.body).toMatchObject({ status: 'already_refunded', amount: 0 });
      expect(await paymentOf(gym)).toMatchObject({ status: 'refunded', refundedAmount: 4900 });
      expect(next.body.message).toMatch(/refunded in full already/);
      expect(stripeRefundsFor(gym)).toHaveLength(1);
      expect((await auditOf(gym)).map((row: { outcome: string }) => row.outcome)).toEqual([
        'already_refunded',
        'rejected',
      ]);
    });

    it('answers charge_disputed with 409 and flags the payment', async () => {
      const gym = await paidGym(platform);
      platform.stripe.failNext('/v1/refunds', stripeApiError('charge_disputed'));
      const key = randomUUID();

      const answer = await refund(gym.paymentId, {}, key).expect(409);
      const again = await refund(gym.paymentId, {}, key).expect(409);

      expect(answer.body.message).toMatch(/is disputed \(charged back\) at Stripe/);
      expect(again.body.message).toBe(answer.body.message);
      expect(await paymentOf(gym)).toMatchObject({ disputed: true, refundedAmount: 0 });
      expect(stripeRefundsFor(gym)).toHaveLength(1);
      expect(await auditOf(gym)).toEqual([
        expect.objectContaining({ outcome: 'failed', detail: answer.body.message }),
      ]);
    });

    it('answers amount_too_large with 409, saying the Dashboard may have refunded some already', async () => {
      const gym = await paidGym(platform);
      platform.stripe.failNext('/v1/refunds', stripeApiError('refund_exceeds_remaining'));

      const answer = await refund(gym.paymentId, { amount: 4900 }).expect(409);

      expect(answer.body.message).toMatch(/less left to refund on this payment than we know of/);
    });

    it('looks up the payment intent of an invoice Stripe had not described yet', async () => {
      const gym = await paidGym(platform, { stripeKnowsTheInvoice: false });
      platform.stripe.addInvoices(paidInvoice(gym));

      await refund(gym.paymentId, { amount: 100 }).expect(201);

      expect(stripeRefundsFor(gym)).toHaveLength(1);
      const [row] = await db.query('SELECT stripe_payment_intent_id FROM payments WHERE id = $1', [
        gym.paymentId,
      ]);
      expect(row.stripe_payment_intent_id).toBe(gym.paymentIntentId);
    });
  });

  describe('refunds made in the Stripe Dashboard (charge.refunded)', () => {
    it('records them the same way, once, and not our own refunds twice', async () => {
      const gym = await paidGym(platform);
      await refund(gym.paymentId, { amount: 1000 }).expect(201);
      const charge = { chargeId: gym.chargeId, paymentIntentId: gym.paymentIntentId, amount: 4900 };
      const ours = chargeRefundedEvent({
        ...charge,
        amountRefunded: 1000,
        created: unixSecondsFromNow(),
      });
      const dashboard = chargeRefundedEvent({
        ...charge,
        amountRefunded: 3000,
        created: unixSecondsFromNow(1),
      });

      const ourEcho = await platform.deliver(ours).expect(200);
      await platform.deliver(dashboard).expect(200);
      await platform.deliver({ ...dashboard, id: `${dashboard.id}_again` }).expect(200);

      expect(ourEcho.body.outcome).toBe('ignored');
      expect(await paymentOf(gym)).toMatchObject({
        status: 'partially_refunded',
        refundedAmount: 3000,
      });
      await platform.waitForEmail(gym.owner.email, 'Refund of EUR 20.00');
      expect(await auditOf(gym)).toEqual([
        expect.objectContaining({ source: 'admin_api', amount: 1000 }),
        expect.objectContaining({
          source: 'stripe_dashboard',
          actor_id: null,
          amount: 2000,
          outcome: 'succeeded',
        }),
      ]);
    });

    it('ignores a refunded charge that is none of ours', async () => {
      const event = chargeRefundedEvent({
        chargeId: 'ch_not_ours',
        paymentIntentId: 'pi_not_ours',
        amount: 100,
        amountRefunded: 100,
        created: unixSecondsFromNow(),
      });

      const answer = await platform.deliver(event).expect(200);

      expect(answer.body.outcome).toBe('ignored');
    });
  });

  it('is documented in OpenAPI with its errors', async () => {
    const docs = (await platform.wizardHttp.get('/docs-json').expect(200)).body;
    const operation = docs.paths['/admin/payments/{id}/refunds'].post;

    expect(Object.keys(operation.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '404', '409', '503']),
    );
    expect(operation.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Idempotency-Key', required: true }),
      ]),
    );
  });
});
