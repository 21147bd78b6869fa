import type { PaymentEvent } from '@app/payments';
import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import { PaymentDisputes } from '../../payments/payment-disputes';
import type { HandlerResult, StripeEventHandler } from '../stripe-event-handler';

@Injectable()
export class ChargeDisputeHandler implements StripeEventHandler {
  readonly eventTypes = ['charge.dispute.created'] as const;

  constructor(private readonly disputes: PaymentDisputes) {}

  handle(event: PaymentEvent, manager: EntityManager): Promise<HandlerResult> {
    return this.disputes.opened(manager, event.data.object as Stripe.Dispute, event);
  }
}
