import type { PaymentEvent } from '@app/payments';
import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import { InvoiceOutcomes } from '../../billing/invoice-outcomes';
import { subscriptionOfInvoice, SubscriptionGyms } from '../../billing/subscription-gyms';
import { PaidInvoices } from '../../payments/paid-invoices';
import { ignored, type HandlerResult, type StripeEventHandler } from '../stripe-event-handler';

@Injectable()
export class InvoiceHandler implements StripeEventHandler {
  readonly eventTypes = ['invoice.paid', 'invoice.payment_failed'] as const;

  constructor(
    private readonly gyms: SubscriptionGyms,
    private readonly outcomes: InvoiceOutcomes,
    private readonly paidInvoices: PaidInvoices,
  ) {}

  async handle(event: PaymentEvent, manager: EntityManager): Promise<HandlerResult> {
    const invoice = event.data.object as Stripe.Invoice;
    const billed = subscriptionOfInvoice(invoice);
    if (!billed) {
      return ignored(`invoice ${invoice.id} bills no subscription`);
    }

    // Asked of Stripe before the gym is locked, so that a slow answer holds no lock.
    const reference =
      event.type === 'invoice.paid' ? await this.paidInvoices.referenceFor(invoice) : null;
    const gym = await this.gyms.lock(manager, billed.subscriptionId, billed.gymId);
    if (!gym) {
      return ignored(`no gym pays with subscription ${billed.subscriptionId}`);
    }

    const billedInvoice = { invoice, subscriptionId: billed.subscriptionId, event };

    return event.type === 'invoice.paid'
      ? this.outcomes.paid(manager, gym, billedInvoice, reference)
      : this.outcomes.paymentFailed(manager, gym, billedInvoice);
  }
}
