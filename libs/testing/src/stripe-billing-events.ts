import { randomBytes } from 'node:crypto';

import type Stripe from 'stripe';

import { stripeFixture } from './stripe-fixtures';

/** What every billing event builder takes: the placeholders of the fixture, swapped. */
export interface BillingEventBase {
  /** A fresh `evt_...` when absent. */
  eventId?: string;
  /** Unix seconds; order tests give each event its own. */
  created: number;
}

export interface SubscriptionEventOptions extends BillingEventBase {
  subscriptionId: string;
  gymId: string;
  status?: Stripe.Subscription.Status;
  priceId?: string;
  /** Unix seconds; on the subscription item, as in current API versions. */
  currentPeriodEnd?: number;
  cancelAtPeriodEnd?: boolean;
}

export interface InvoiceEventOptions extends BillingEventBase {
  invoiceId: string;
  subscriptionId: string;
  gymId: string;
  amount?: number;
  currency?: string;
  /** Unix seconds of Stripe's next try, or null when it will not try again. */
  nextPaymentAttempt?: number | null;
  attemptCount?: number;
}

export interface ChargeEventOptions extends BillingEventBase {
  chargeId: string;
  paymentIntentId: string;
  amount: number;
  currency?: string;
}

const newEventId = () => `evt_test_${randomBytes(8).toString('hex')}`;

function eventFrom<T>(fixture: string, options: BillingEventBase, ids: Record<string, string>) {
  const event = stripeFixture(fixture, { ids, created: options.created });
  event.id = options.eventId ?? newEventId();

  return { event, object: event.data.object as T };
}

/** customer.subscription.updated (from the past_due fixture) or .deleted, with what is asked. */
export function subscriptionEvent(
  type: 'customer.subscription.updated' | 'customer.subscription.deleted',
  options: SubscriptionEventOptions,
): Stripe.Event {
  const fixture =
    type === 'customer.subscription.updated'
      ? 'customer.subscription.updated.past_due'
      : 'customer.subscription.deleted';
  const { event, object } = eventFrom<Stripe.Subscription>(fixture, options, {
    sub_TestGym0001: options.subscriptionId,
    gym_0001: options.gymId,
  });
  const [item] = object.items.data;

  object.status = options.status ?? object.status;
  object.cancel_at_period_end = options.cancelAtPeriodEnd ?? object.cancel_at_period_end;
  item.price.id = options.priceId ?? item.price.id;
  item.current_period_end = options.currentPeriodEnd ?? item.current_period_end;

  return event;
}

/** invoice.payment_failed as the fixture has it, or the same invoice as invoice.paid. */
export function invoiceEvent(
  type: 'invoice.paid' | 'invoice.payment_failed',
  options: InvoiceEventOptions,
): Stripe.Event {
  const { event, object } = eventFrom<Stripe.Invoice>('invoice.payment_failed', options, {
    in_TestGym0001b: options.invoiceId,
    sub_TestGym0001: options.subscriptionId,
    gym_0001: options.gymId,
  });
  const amount = options.amount ?? object.amount_due;

  event.type = type;
  object.amount_due = amount;
  object.total = amount;
  object.currency = options.currency ?? object.currency;
  object.attempt_count = options.attemptCount ?? object.attempt_count;
  if (type === 'invoice.paid') {
    Object.assign(object, {
      status: 'paid',
      amount_paid: amount,
      amount_remaining: 0,
      next_payment_attempt: null,
      status_transitions: { ...object.status_transitions, paid_at: options.created },
    });
  } else {
    object.amount_remaining = amount;
    object.next_payment_attempt =
      options.nextPaymentAttempt === undefined
        ? object.next_payment_attempt
        : options.nextPaymentAttempt;
  }

  return event;
}

/** The invoice GET /v1/invoices/:id?expand[]=payments answers once it is paid. */
export function paidInvoice(
  options: Omit<InvoiceEventOptions, keyof BillingEventBase> & { paymentIntentId: string },
): Stripe.Invoice {
  const invoice = invoiceEvent('invoice.paid', { ...options, created: 1769907800 }).data
    .object as Stripe.Invoice;
  const payment = {
    id: `inpay_${randomBytes(6).toString('hex')}`,
    object: 'invoice_payment',
    amount_paid: invoice.amount_paid,
    amount_requested: invoice.amount_due,
    created: invoice.created,
    currency: invoice.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: 'payment_intent', payment_intent: options.paymentIntentId },
    status: 'paid',
    status_transitions: { canceled_at: null, paid_at: invoice.created },
  } as Stripe.InvoicePayment;

  return {
    ...invoice,
    payments: {
      object: 'list',
      data: [payment],
      has_more: false,
      url: `/v1/invoice_payments?invoice=${invoice.id}`,
    },
  };
}

/** charge.refunded (refunds not expanded, as in current API versions) for this charge. */
export function chargeRefundedEvent(
  options: ChargeEventOptions & { amountRefunded: number },
): Stripe.Event {
  const { event, object } = eventFrom<Stripe.Charge>('charge.refunded.full', options, {
    ch_TestGym0001: options.chargeId,
    pi_TestGym0001: options.paymentIntentId,
  });

  Object.assign(object, {
    amount: options.amount,
    amount_captured: options.amount,
    amount_refunded: options.amountRefunded,
    currency: options.currency ?? object.currency,
    refunded: options.amountRefunded >= options.amount,
  });
  event.request = { id: null, idempotency_key: null };

  return event;
}

/** charge.dispute.created: the shared fixtures have none, so it is built on the charge's. */
export function disputeCreatedEvent(
  options: ChargeEventOptions & { disputeId: string; reason?: string },
): Stripe.Event {
  const { event } = eventFrom<Stripe.Charge>('charge.refunded.full', options, {});
  const dispute = {
    id: options.disputeId,
    object: 'dispute',
    amount: options.amount,
    balance_transactions: [],
    charge: options.chargeId,
    created: options.created,
    currency: options.currency ?? 'eur',
    evidence_details: {
      due_by: options.created + 7 * 24 * 3600,
      has_evidence: false,
      past_due: false,
      submission_count: 0,
    },
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: options.paymentIntentId,
    reason: options.reason ?? 'fraudulent',
    status: 'needs_response',
  };

  return {
    ...event,
    type: 'charge.dispute.created',
    data: { object: dispute },
    request: { id: null, idempotency_key: null },
  } as unknown as Stripe.Event;
}
