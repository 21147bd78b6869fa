import { type PaymentEvent, stripeIdOf } from '@app/payments';
import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import { PaymentLookup } from '../payments/payment-lookup';
import { ignored, processed, type HandlerResult } from '../webhooks/stripe-event-handler';
import { PaymentRefunds } from './payment-refunds';
import { RefundAudit } from './refund-audit';

/** charge.refunded: refunds made in Stripe's Dashboard are recorded as ours are, once. */
@Injectable()
export class ChargeRefunds {
  constructor(
    private readonly lookup: PaymentLookup,
    private readonly paymentRefunds: PaymentRefunds,
    private readonly audit: RefundAudit,
  ) {}

  async record(
    manager: EntityManager,
    charge: Stripe.Charge,
    event: PaymentEvent,
  ): Promise<HandlerResult> {
    const payment = await this.lookup.lockByCharge(manager, {
      chargeId: charge.id,
      paymentIntentId: stripeIdOf(charge.payment_intent),
    });
    if (!payment) {
      return ignored(`no payment of ours was paid by charge ${charge.id}`);
    }

    const added = await this.paymentRefunds.catchUp(manager, payment, {
      id: charge.id,
      amountRefunded: charge.amount_refunded,
    });
    if (added === 0) {
      return ignored(`the refunds of charge ${charge.id} are recorded already`);
    }

    await this.audit.record(manager, {
      paymentId: payment.id,
      gymId: payment.gymId,
      source: 'stripe_dashboard',
      actorId: null,
      actorEmail: null,
      amount: added,
      currency: payment.currency,
      outcome: 'succeeded',
      detail: 'refunded outside the Wizard, such as in the Stripe Dashboard',
      stripeRefundId: null,
      idempotencyKey: event.request?.idempotency_key ?? null,
      stripeEventId: event.id,
    });

    return processed();
  }
}
