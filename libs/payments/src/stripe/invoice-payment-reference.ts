import type Stripe from 'stripe';

import type { InvoicePaymentReference } from '../payments.interface';
import { stripeIdOf } from './stripe-id';

// Before API version 2025-03-31 an invoice named its payment intent and charge itself.
interface LegacyInvoiceFields {
  payment_intent?: string | { id: string } | null;
  charge?: string | { id: string } | null;
}

/**
 * The payment intent or charge that paid an invoice, from whichever shape the event's API
 * version gave it (`payments` when expanded, or the older top-level fields); null when the
 * invoice does not say.
 */
export function invoicePaymentReferenceOf(invoice: Stripe.Invoice): InvoicePaymentReference | null {
  const legacy = invoice as Stripe.Invoice & LegacyInvoiceFields;
  const legacyReference = {
    paymentIntentId: stripeIdOf(legacy.payment_intent),
    chargeId: stripeIdOf(legacy.charge),
  };
  if (legacyReference.paymentIntentId || legacyReference.chargeId) {
    return legacyReference;
  }

  const payments = invoice.payments?.data ?? [];
  const paid = payments.find((payment) => payment.status === 'paid') ?? payments[0];
  if (!paid) {
    return null;
  }

  const reference = {
    paymentIntentId: stripeIdOf(paid.payment.payment_intent),
    chargeId: stripeIdOf(paid.payment.charge),
  };

  return reference.paymentIntentId || reference.chargeId ? reference : null;
}
