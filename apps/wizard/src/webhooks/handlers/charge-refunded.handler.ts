import type { PaymentEvent } from '@app/payments';
import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import { ChargeRefunds } from '../../refunds/charge-refunds';
import type { HandlerResult, StripeEventHandler } from '../stripe-event-handler';

@Injectable()
export class ChargeRefundedHandler implements StripeEventHandler {
  readonly eventTypes = ['charge.refunded'] as const;

  constructor(private readonly refunds: ChargeRefunds) {}

  handle(event: PaymentEvent, manager: EntityManager): Promise<HandlerResult> {
    return this.refunds.record(manager, event.data.object as Stripe.Charge, event);
  }
}
