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

  // The object is taken as Stripe documents it: a signed dispute without its amount or currency
  // (only Stripe or a holder of the secret can send one) fails as a 500. A shape check per
  // handled type, like well-formed-event.ts for the envelope, would answer it as ignored.
  handle(event: PaymentEvent, manager: EntityManager): Promise<HandlerResult> {
    return this.disputes.opened(manager, event.data.object as Stripe.Dispute, event);
  }
}
