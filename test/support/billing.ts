import { randomBytes } from 'node:crypto';
import { invoiceEvent, paidInvoice, stripeFixture, unixSecondsFromNow } from '@app/testing';
import type Stripe from 'stripe';
import { DataSource } from 'typeorm';
import type { TestPlatform } from './platform';

export interface PaidGym {
  owner: { id: string; email: string; token: string };
  auth: { authorization: string };
  gymId: string;
  subscriptionId: string;
  invoiceId: string;
  paymentIntentId: string;
  chargeId: string;
  paymentId: string;
  amount: number;
  currency: string;
}

export interface PaidGymOptions {
  amount?: number;
  currency?: string;
  /** Whether the owner activated it (default), or it stays paid. */
  activated?: boolean;
  /** Whether Stripe answers what paid the first invoice (default true). */
  stripeKnowsTheInvoice?: boolean;
}

/**
 * A gym bought through checkout, as Stripe tells it: checkout.session.completed, then invoice.paid
 * for the first invoice, with ids of its own, and the charge known to the fake Stripe.
 */
export async function paidGym(
  platform: TestPlatform,
  options: PaidGymOptions = {},
): Promise<PaidGym> {
  const { owner, auth, gymId, sessionId } = await platform.gymAwaitingPayment();
  const suffix = randomBytes(6).toString('hex');
  const ids = {
    subscriptionId: `sub_test_${suffix}`,
    invoiceId: `in_test_${suffix}`,
    paymentIntentId: `pi_test_${suffix}`,
    chargeId: `ch_test_${suffix}`,
  };
  const amount = options.amount ?? 4900;
  const currency = options.currency ?? 'eur';

  const checkout = stripeFixture('checkout.session.completed.paid', {
    eventId: `evt_test_${suffix}_checkout`,
    gymId,
    objectId: sessionId,
    created: unixSecondsFromNow(-60),
    ids: { sub_TestGym0001: ids.subscriptionId, in_TestGym0001: ids.invoiceId },
  });
  Object.assign(checkout.data.object as Stripe.Checkout.Session, {
    amount_total: amount,
    currency,
  });
  await platform.deliver(checkout).expect(200);

  const billed = { ...ids, gymId, amount, currency };
  if (options.stripeKnowsTheInvoice ?? true) {
    platform.stripe.addInvoices(paidInvoice(billed));
  }
  platform.stripe.addCharge({
    id: ids.chargeId,
    paymentIntentId: ids.paymentIntentId,
    amount,
    currency,
  });
  await platform
    .deliver(invoiceEvent('invoice.paid', { ...billed, created: unixSecondsFromNow(-59) }))
    .expect(200);

  if (options.activated ?? true) {
    await platform.wizard
      .get(DataSource)
      .query(`UPDATE gyms SET status = 'active', activated_at = now() WHERE id = $1`, [gymId]);
  }
  const payments = await platform.wizardHttp.get(`/gyms/${gymId}/payments`).set(auth).expect(200);

  return { owner, auth, gymId, ...ids, paymentId: payments.body[0].id, amount, currency };
}
