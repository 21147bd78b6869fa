import type Stripe from 'stripe';

import {
  chargeRefundedEvent,
  disputeCreatedEvent,
  invoiceEvent,
  subscriptionEvent,
} from './stripe-billing-events';

const ids = { subscriptionId: 'sub_spec_01', gymId: 'gym_spec_01' };

describe('billing event builders', () => {
  it('builds customer.subscription.updated with the asked status, price and period', () => {
    const event = subscriptionEvent('customer.subscription.updated', {
      ...ids,
      created: 1800000000,
      status: 'active',
      priceId: 'price_club_monthly',
      currentPeriodEnd: 1802000000,
      cancelAtPeriodEnd: true,
    });
    const subscription = event.data.object as Stripe.Subscription;

    expect(event).toMatchObject({ type: 'customer.subscription.updated', created: 1800000000 });
    expect(event.id).toMatch(/^evt_test_/);
    expect(subscription).toMatchObject({
      id: 'sub_spec_01',
      status: 'active',
      cancel_at_period_end: true,
      metadata: { gym_id: 'gym_spec_01' },
    });
    expect(subscription.items.data[0]).toMatchObject({
      current_period_end: 1802000000,
      price: { id: 'price_club_monthly' },
    });
  });

  it('builds invoice.paid from the failed invoice fixture', () => {
    const event = invoiceEvent('invoice.paid', { ...ids, invoiceId: 'in_spec_01', created: 1 });
    const invoice = event.data.object as Stripe.Invoice;

    expect(event.type).toBe('invoice.paid');
    expect(invoice).toMatchObject({
      id: 'in_spec_01',
      status: 'paid',
      amount_paid: 4900,
      amount_remaining: 0,
      next_payment_attempt: null,
      parent: { subscription_details: { subscription: 'sub_spec_01' } },
    });
  });

  it('keeps the next attempt of invoice.payment_failed unless told otherwise', () => {
    const failed = (nextPaymentAttempt?: number | null) =>
      invoiceEvent('invoice.payment_failed', {
        ...ids,
        invoiceId: 'in_spec_01',
        created: 1,
        nextPaymentAttempt,
      }).data.object as Stripe.Invoice;

    expect(failed().next_payment_attempt).toBe(1770163200);
    expect(failed(null).next_payment_attempt).toBeNull();
  });

  it('builds charge.refunded and charge.dispute.created for a charge', () => {
    const charge = { chargeId: 'ch_spec_01', paymentIntentId: 'pi_spec_01', amount: 4900 };

    const refunded = chargeRefundedEvent({ ...charge, amountRefunded: 1000, created: 1 });
    const disputed = disputeCreatedEvent({ ...charge, disputeId: 'dp_spec_01', created: 2 });

    expect(refunded.data.object).toMatchObject({
      id: 'ch_spec_01',
      payment_intent: 'pi_spec_01',
      amount_refunded: 1000,
      refunded: false,
    });
    expect(disputed).toMatchObject({
      type: 'charge.dispute.created',
      data: { object: { id: 'dp_spec_01', charge: 'ch_spec_01', amount: 4900 } },
    });
  });
});
