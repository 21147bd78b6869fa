import {
  disputeCreatedEvent,
  invoiceEvent,
  paidInvoice,
  stripeFixture,
  subscriptionEvent,
  unixSecondsFromNow,
} from '@app/testing';
import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { paidGym, type PaidGym } from './support/billing';
import { requireServers } from './support/integration';
import { TestPlatform } from './support/platform';

const ADMINS = ['ops@platform.example.test', 'finance@platform.example.test'];
const CLUB_LIMITS = { members: 1500, staff: 25, locations: 3 };

describe('billing lifecycle webhooks (PostgreSQL and RabbitMQ)', () => {
  let platform: TestPlatform;
  let db: DataSource;

  beforeAll(async () => {
    await requireServers();
    platform = await TestPlatform.start('servers', {
      wizard: { PLATFORM_ADMIN_EMAILS: ADMINS.join(',') },
    });
    db = platform.wizard.get(DataSource);
  }, 60_000);

  afterAll(async () => {
    await platform?.stop();
  });

  const gymOf = async (gym: PaidGym) =>
    (await platform.wizardHttp.get(`/gyms/${gym.gymId}`).set(gym.auth).expect(200)).body;
  const eventRow = async (id: string) =>
    (await db.query('SELECT outcome, detail FROM stripe_events WHERE id = $1', [id]))[0];
  const outboxOf = (gymId: string, template: string) =>
    db.query('SELECT to_address FROM email_outbox WHERE gym_id = $1 AND template = $2', [
      gymId,
      template,
    ]);
  const subscription = (gym: PaidGym, created: number, changes: object = {}) =>
    subscriptionEvent('customer.subscription.updated', {
      subscriptionId: gym.subscriptionId,
      gymId: gym.gymId,
      created,
      status: 'active',
      priceId: 'price_studio_monthly',
      ...changes,
    });
  const invoice = (
    gym: PaidGym,
    type: 'invoice.paid' | 'invoice.payment_failed',
    created: number,
    invoiceId = `in_test_${randomBytes(6).toString('hex')}`,
  ) =>
    invoiceEvent(type, {
      subscriptionId: gym.subscriptionId,
      gymId: gym.gymId,
      invoiceId,
      created,
    });

  describe('customer.subscription.updated', () => {
    it("moves the license to the new plan's limits and the item's current period end", async () => {
      const gym = await paidGym(platform);
      const periodEnd = unixSecondsFromNow(40 * 24 * 3600);

      await platform
        .deliver(
          subscription(gym, unixSecondsFromNow(), {
            priceId: 'price_club_monthly',
            currentPeriodEnd: periodEnd,
          }),
        )
        .expect(200);

      const view = await gymOf(gym);
      const periodEndIso = new Date(periodEnd * 1000).toISOString();
      expect(view).toMatchObject({
        planId: 'club_monthly',
        status: 'active',
        cancelAtPeriodEnd: false,
        currentPeriodEnd: periodEndIso,
        license: { planId: 'club_monthly', limits: CLUB_LIMITS, validUntil: periodEndIso },
      });
    });

    it('keeps the plan, and says why, when the price is no plan of the catalogue', async () => {
      const gym = await paidGym(platform);
      const event = subscription(gym, unixSecondsFromNow(), { priceId: 'price_unknown' });

      const answer = await platform.deliver(event).expect(200);

      expect(answer.body.outcome).toBe('processed');
      expect((await eventRow(event.id)).detail).toMatch(/price_unknown is no plan/);
      expect((await gymOf(gym)).license.planId).toBe('studio_monthly');
    });

    it('keeps a gym that cancels at period end active until then, and says so', async () => {
      const gym = await paidGym(platform);
      const periodEnd = unixSecondsFromNow(10 * 24 * 3600);

      await platform
        .deliver(
          subscription(gym, unixSecondsFromNow(), {
            cancelAtPeriodEnd: true,
            currentPeriodEnd: periodEnd,
          }),
        )
        .expect(200);

      expect(await gymOf(gym)).toMatchObject({
        status: 'active',
        cancelAtPeriodEnd: true,
        currentPeriodEnd: new Date(periodEnd * 1000).toISOString(),
        license: { status: 'active' },
      });
    });

    it.each(['past_due', 'unpaid'])(
      'marks the gym past due when Stripe says %s',
      async (status) => {
        const gym = await paidGym(platform);

        await platform.deliver(subscription(gym, unixSecondsFromNow(), { status })).expect(200);

        expect((await gymOf(gym)).status).toBe('past_due');
      },
    );

    it('ignores a subscription no gym pays with', async () => {
      const event = subscriptionEvent('customer.subscription.updated', {
        subscriptionId: 'sub_nobody',
        gymId: 'gym_0001',
        created: unixSecondsFromNow(),
      });

      const answer = await platform.deliver(event).expect(200);

      expect(answer.body.outcome).toBe('ignored');
      expect((await eventRow(event.id)).detail).toBe('no gym pays with subscription sub_nobody');
    });
  });

  describe('customer.subscription.deleted', () => {
    it('ends the license and cancels the gym, keeping its data', async () => {
      const gym = await paidGym(platform);
      const endedAt = unixSecondsFromNow();
      const event = subscriptionEvent('customer.subscription.deleted', {
        subscriptionId: gym.subscriptionId,
        gymId: gym.gymId,
        created: endedAt,
      });
      (event.data.object as Stripe.Subscription).ended_at = endedAt;

      await platform.deliver(event).expect(200);

      expect(await gymOf(gym)).toMatchObject({
        status: 'canceled',
        cancelAtPeriodEnd: false,
        license: { status: 'ended', validUntil: new Date(endedAt * 1000).toISOString() },
      });
      const payments = await platform.wizardHttp
        .get(`/gyms/${gym.gymId}/payments`)
        .set(gym.auth)
        .expect(200);
      expect(payments.body).toHaveLength(1);
    });
  });

  it('ends the license too when an update says the subscription is canceled', async () => {
    const gym = await paidGym(platform);

    await platform
      .deliver(subscription(gym, unixSecondsFromNow(), { status: 'canceled' }))
      .expect(200);

    expect(await gymOf(gym)).toMatchObject({ status: 'canceled', license: { status: 'ended' } });
  });

  describe('invoice.payment_failed', () => {
    it('marks the gym past due and tells the owner and every platform admin', async () => {
      const gym = await paidGym(platform);
      const event = invoice(gym, 'invoice.payment_failed', unixSecondsFromNow());

      await platform.deliver(event).expect(200);

      expect((await gymOf(gym)).status).toBe('past_due');
      const owner = await platform.waitForEmail(gym.owner.email, 'failed: please update your card');
      expect(owner.text).toContain('EUR 49.00');
      expect(owner.text).toContain('4 February 2026');
      expect(owner.text).toContain('https://invoice.stripe.com/i/test_placeholder');
      for (const admin of ADMINS) {
        const alert = await platform.waitForEmail(admin, '[Admin] Renewal payment failed');
        expect(alert.text).toContain(gym.owner.email);
        expect(alert.text).toContain((event.data.object as Stripe.Invoice).id);
      }
    });

    it('sends one email per attempt, however often Stripe delivers it', async () => {
      const gym = await paidGym(platform);
      const event = invoice(gym, 'invoice.payment_failed', unixSecondsFromNow());

      await platform.deliver(event).expect(200);
      await platform.deliver({ ...event, id: `${event.id}_again` }).expect(200);

      expect(await outboxOf(gym.gymId, 'invoice_payment_failed')).toHaveLength(1);
      expect(await outboxOf(gym.gymId, 'admin_invoice_payment_failed')).toHaveLength(2);
    });
  });

  describe('invoice.paid', () => {
    it('brings a past-due gym back to active and records the renewal with its payment intent', async () => {
      const gym = await paidGym(platform);
      const renewal = `in_test_${randomBytes(6).toString('hex')}`;
      await platform
        .deliver(invoice(gym, 'invoice.payment_failed', unixSecondsFromNow(), renewal))
        .expect(200);
      platform.stripe.addInvoices(
        paidInvoice({ ...gym, invoiceId: renewal, paymentIntentId: 'pi_test_renewal_01' }),
      );

      await platform
        .deliver(invoice(gym, 'invoice.paid', unixSecondsFromNow(5), renewal))
        .expect(200);

      expect((await gymOf(gym)).status).toBe('active');
      const rows = await db.query(
        `SELECT stripe_invoice_id, stripe_payment_intent_id, checkout_session_id, status
         FROM payments WHERE gym_id = $1 ORDER BY created_at`,
        [gym.gymId],
      );
      expect(rows).toEqual([
        expect.objectContaining({
          stripe_invoice_id: gym.invoiceId,
          stripe_payment_intent_id: gym.paymentIntentId,
          checkout_session_id: expect.stringMatching(/^cs_/),
          status: 'paid',
        }),
        expect.objectContaining({
          stripe_invoice_id: renewal,
          stripe_payment_intent_id: 'pi_test_renewal_01',
          checkout_session_id: null,
          status: 'paid',
        }),
      ]);
    });

    it('brings a gym the owner never activated back to paid, so the activation link still works', async () => {
      const gym = await paidGym(platform, { activated: false });
      await platform
        .deliver(invoice(gym, 'invoice.payment_failed', unixSecondsFromNow()))
        .expect(200);

      await platform.deliver(invoice(gym, 'invoice.paid', unixSecondsFromNow(5))).expect(200);

      expect((await gymOf(gym)).status).toBe('paid');
    });

    it('records the invoice even when Stripe cannot say what paid it; a refund asks later', async () => {
      const gym = await paidGym(platform, { stripeKnowsTheInvoice: false });

      const [row] = await db.query(
        'SELECT stripe_payment_intent_id, status FROM payments WHERE id = $1',
        [gym.paymentId],
      );

      expect(row).toEqual({ stripe_payment_intent_id: null, status: 'paid' });
      const warnings = platform.logsContaining('Could not ask Stripe what paid the invoice');
      expect(warnings.filter((line) => line.includes(gym.invoiceId))).toHaveLength(1);
    });

    it('records one payment when invoice.paid comes before checkout.session.completed', async () => {
      const { auth, gymId, sessionId } = await platform.gymAwaitingPayment();
      const ids = { subscriptionId: `sub_test_${randomBytes(6).toString('hex')}`, gymId };
      const invoiceId = `in_test_${randomBytes(6).toString('hex')}`;
      platform.stripe.addInvoices(paidInvoice({ ...ids, invoiceId, paymentIntentId: 'pi_first' }));

      await platform
        .deliver(invoiceEvent('invoice.paid', { ...ids, invoiceId, created: unixSecondsFromNow() }))
        .expect(200);
      await platform
        .deliver(
          stripeFixture('checkout.session.completed.paid', {
            eventId: `evt_test_${randomBytes(6).toString('hex')}`,
            gymId,
            objectId: sessionId,
            created: unixSecondsFromNow(),
            ids: { sub_TestGym0001: ids.subscriptionId, in_TestGym0001: invoiceId },
          }),
        )
        .expect(200);

      const view = await platform.wizardHttp.get(`/gyms/${gymId}`).set(auth).expect(200);
      expect(view.body).toMatchObject({ status: 'paid', license: { status: 'active' } });
      const rows = await db.query(
        'SELECT checkout_session_id, stripe_payment_intent_id FROM payments WHERE gym_id = $1',
        [gymId],
      );
      expect(rows).toEqual([
        { checkout_session_id: sessionId, stripe_payment_intent_id: 'pi_first' },
      ]);
    });
  });

  describe('charge.dispute.created', () => {
    it('flags the payment and tells the admins', async () => {
      const gym = await paidGym(platform);
      const disputeId = `dp_test_${randomBytes(6).toString('hex')}`;

      await platform
        .deliver(
          disputeCreatedEvent({
            disputeId,
            chargeId: gym.chargeId,
            paymentIntentId: gym.paymentIntentId,
            amount: gym.amount,
            created: unixSecondsFromNow(),
          }),
        )
        .expect(200);

      const payments = await platform.wizardHttp
        .get(`/gyms/${gym.gymId}/payments`)
        .set(gym.auth)
        .expect(200);
      expect(payments.body[0]).toMatchObject({ id: gym.paymentId, disputed: true });
      const [row] = await db.query('SELECT stripe_dispute_id FROM payments WHERE id = $1', [
        gym.paymentId,
      ]);
      expect(row.stripe_dispute_id).toBe(disputeId);
      for (const admin of ADMINS) {
        const alert = await platform.waitForEmail(admin, '[Admin] Dispute of EUR 49.00');
        expect(alert.text).toContain(disputeId);
        expect(alert.text).toContain(gym.paymentId);
      }
    });

    it('tells the admins of a dispute on a charge that is none of ours', async () => {
      const disputeId = `dp_test_${randomBytes(6).toString('hex')}`;
      const event = disputeCreatedEvent({
        disputeId,
        chargeId: 'ch_not_ours',
        paymentIntentId: 'pi_not_ours',
        amount: 1200,
        created: unixSecondsFromNow(),
      });

      await platform.deliver(event).expect(200);

      expect((await eventRow(event.id)).detail).toMatch(/no payment of ours matches/);
      const alert = await platform.waitForEmail(ADMINS[0], 'Dispute of EUR 12.00');
      expect(alert.text).toContain('no payment of ours matches');
    });
  });

  describe('events out of order: an older event never overwrites newer state', () => {
    it('keeps the newer subscription update when the older one arrives after it', async () => {
      const gym = await paidGym(platform);
      const newer = subscription(gym, unixSecondsFromNow(20), {
        priceId: 'price_club_monthly',
        status: 'active',
      });
      const older = subscription(gym, unixSecondsFromNow(10), {
        priceId: 'price_studio_monthly',
        status: 'past_due',
      });

      await platform.deliver(newer).expect(200);
      const late = await platform.deliver(older).expect(200);

      expect(late.body.outcome).toBe('ignored');
      expect((await eventRow(older.id)).detail).toMatch(/newer event about sub_test_/);
      expect(await gymOf(gym)).toMatchObject({
        status: 'active',
        planId: 'club_monthly',
        license: { planId: 'club_monthly' },
      });
    });

    it('keeps a gym active when the failed attempt arrives after the invoice was paid', async () => {
      const gym = await paidGym(platform);
      const renewal = `in_test_${randomBytes(6).toString('hex')}`;

      await platform
        .deliver(invoice(gym, 'invoice.paid', unixSecondsFromNow(20), renewal))
        .expect(200);
      const late = await platform
        .deliver(invoice(gym, 'invoice.payment_failed', unixSecondsFromNow(10), renewal))
        .expect(200);

      expect(late.body.outcome).toBe('ignored');
      expect((await gymOf(gym)).status).toBe('active');
      expect(await outboxOf(gym.gymId, 'invoice_payment_failed')).toEqual([]);
    });

    it('takes a newer plan change even after a newer invoice set the status', async () => {
      const gym = await paidGym(platform);

      await platform.deliver(invoice(gym, 'invoice.paid', unixSecondsFromNow(30))).expect(200);
      await platform
        .deliver(
          subscription(gym, unixSecondsFromNow(20), {
            priceId: 'price_club_monthly',
            status: 'past_due',
          }),
        )
        .expect(200);

      expect(await gymOf(gym)).toMatchObject({ status: 'active', planId: 'club_monthly' });
    });

    it('keeps a canceled gym canceled when an older update arrives after the deletion', async () => {
      const gym = await paidGym(platform);
      const deleted = subscriptionEvent('customer.subscription.deleted', {
        subscriptionId: gym.subscriptionId,
        gymId: gym.gymId,
        created: unixSecondsFromNow(20),
      });

      await platform.deliver(deleted).expect(200);
      await platform.deliver(subscription(gym, unixSecondsFromNow(10))).expect(200);

      expect(await gymOf(gym)).toMatchObject({ status: 'canceled', license: { status: 'ended' } });
    });
  });
});
