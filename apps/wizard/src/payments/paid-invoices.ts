import {
  InjectPaymentsService,
  invoicePaymentReferenceOf,
  type InvoicePaymentReference,
  IPaymentsService,
  PaymentProviderError,
} from '@app/payments';
import { Injectable, Logger } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import type { Gym } from '../gyms/gym.entity';
import { Payment } from './payment.entity';

/** Each paid invoice is a payment, with what a refund of it needs. */
@Injectable()
export class PaidInvoices {
  private readonly logger = new Logger(PaidInvoices.name);

  constructor(@InjectPaymentsService() private readonly payments: IPaymentsService) {}

  /**
   * What paid the invoice. Current API versions leave it out of the event, so Stripe is asked;
   * call it before taking locks. Null for an invoice of nothing, or when Stripe does not answer.
   */
  async referenceFor(invoice: Stripe.Invoice): Promise<InvoicePaymentReference | null> {
    if (invoice.amount_paid <= 0) {
      return null;
    }

    return invoicePaymentReferenceOf(invoice) ?? this.askStripe(invoice.id);
  }

  /** The first invoice is the checkout's payment (whichever came first), later ones renewals. */
  async record(
    manager: EntityManager,
    gym: Gym,
    invoice: Stripe.Invoice,
    reference: InvoicePaymentReference | null,
  ): Promise<void> {
    if (invoice.amount_paid <= 0) {
      return;
    }

    await manager.query(
      `INSERT INTO payments
         (gym_id, stripe_invoice_id, stripe_payment_intent_id, stripe_charge_id, amount, currency,
          status)
       VALUES ($1, $2, $3, $4, $5, $6, 'paid')
       ON CONFLICT (gym_id, stripe_invoice_id) DO UPDATE
         SET stripe_payment_intent_id =
               COALESCE(payments.stripe_payment_intent_id, EXCLUDED.stripe_payment_intent_id),
             stripe_charge_id = COALESCE(payments.stripe_charge_id, EXCLUDED.stripe_charge_id),
             status = CASE WHEN payments.status IN ('pending', 'failed') THEN 'paid'
                           ELSE payments.status END,
             updated_at = now()`,
      [
        gym.id,
        invoice.id,
        reference?.paymentIntentId ?? null,
        reference?.chargeId ?? null,
        invoice.amount_paid,
        invoice.currency,
      ],
    );
  }

  /**
   * What to refund a payment by. One recorded before Stripe said (or while Stripe was down) is
   * looked up now and kept. Provider errors reach the caller.
   */
  async referenceOf(
    manager: EntityManager,
    payment: Payment,
  ): Promise<InvoicePaymentReference | null> {
    if (payment.stripePaymentIntentId || payment.stripeChargeId) {
      return { paymentIntentId: payment.stripePaymentIntentId, chargeId: payment.stripeChargeId };
    }
    if (!payment.stripeInvoiceId) {
      return null;
    }

    const reference = await this.payments.findInvoicePayment(payment.stripeInvoiceId);
    if (reference) {
      await manager.update(
        Payment,
        { id: payment.id },
        { stripePaymentIntentId: reference.paymentIntentId, stripeChargeId: reference.chargeId },
      );
    }

    return reference;
  }

  // The gym must not stay past due because Stripe is slow: a refund looks the intent up later.
  private async askStripe(invoiceId: string): Promise<InvoicePaymentReference | null> {
    try {
      return await this.payments.findInvoicePayment(invoiceId);
    } catch (error) {
      if (!(error instanceof PaymentProviderError)) {
        throw error;
      }
      this.logger.warn(
        { invoiceId, reason: error.message },
        'Could not ask Stripe what paid the invoice; a refund looks it up later',
      );

      return null;
    }
  }
}
