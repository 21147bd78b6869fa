import { formatMinorUnits, type InvoicePaymentReference, type PaymentEvent } from '@app/payments';
import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import { GymEmails } from '../emails/gym-emails';
import { Gym } from '../gyms/gym.entity';
import { PaidInvoices } from '../payments/paid-invoices';
import { ignored, processed, type HandlerResult } from '../webhooks/stripe-event-handler';
import { pastDueStatusOf, recoveredStatusOf } from './gym-billing-status';
import { PlatformAdminAlerts } from './platform-admin-alerts';
import { StripeObjectClocks } from './stripe-object-clocks';

/** An invoice event, with the subscription the invoice bills. */
export interface BilledInvoice {
  invoice: Stripe.Invoice;
  subscriptionId: string;
  event: PaymentEvent;
}

/** What invoice.paid and invoice.payment_failed do to a gym. */
@Injectable()
export class InvoiceOutcomes {
  constructor(
    private readonly clocks: StripeObjectClocks,
    private readonly paidInvoices: PaidInvoices,
    private readonly emails: GymEmails,
    private readonly adminAlerts: PlatformAdminAlerts,
  ) {}

  /** The payment is recorded whatever its order; only the newest event sets the status. */
  async paid(
    manager: EntityManager,
    gym: Gym,
    { invoice, subscriptionId, event }: BilledInvoice,
    reference: InvoicePaymentReference | null,
  ): Promise<HandlerResult> {
    await this.paidInvoices.record(manager, gym, invoice, reference);

    // The clock moves even when the status stays, so that an older failure cannot follow.
    const isNewest = await this.clocks.advance(manager, subscriptionId, 'billing_status', event);
    const next = recoveredStatusOf(gym);
    if (isNewest && next) {
      await manager.update(Gym, { id: gym.id }, { status: next });
    }

    return processed();
  }

  /** Past due, the owner told how to pay, the admins told it happened. */
  async paymentFailed(
    manager: EntityManager,
    gym: Gym,
    { invoice, subscriptionId, event }: BilledInvoice,
  ): Promise<HandlerResult> {
    // A gym past due already hears of each further attempt; one not paid for yet, of none.
    const next = pastDueStatusOf(gym);
    if (!next && gym.status !== 'past_due') {
      return ignored(`gym ${gym.id} is ${gym.status}: a failed invoice changes nothing`);
    }
    if (!(await this.clocks.advance(manager, subscriptionId, 'billing_status', event))) {
      return ignored(`a newer event about ${subscriptionId} was applied already`);
    }

    if (next) {
      await manager.update(Gym, { id: gym.id }, { status: next });
    }

    const amount = formatMinorUnits(invoice.amount_due, invoice.currency);
    const nextPaymentAttempt = invoice.next_payment_attempt
      ? new Date(invoice.next_payment_attempt * 1000)
      : null;
    await this.emails.invoicePaymentFailed(manager, gym, {
      invoiceId: invoice.id,
      attempt: invoice.attempt_count,
      amount,
      nextPaymentAttempt,
      payInvoiceUrl: invoice.hosted_invoice_url ?? null,
    });
    await this.adminAlerts.invoicePaymentFailed(manager, `${invoice.id}:${invoice.attempt_count}`, {
      gymName: gym.name,
      gymId: gym.id,
      ownerEmail: gym.ownerEmail,
      invoiceId: invoice.id,
      amount,
      attemptCount: invoice.attempt_count,
      nextPaymentAttempt: nextPaymentAttempt?.toISOString() ?? null,
    });

    return processed();
  }
}
