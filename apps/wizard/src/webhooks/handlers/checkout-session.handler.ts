import type { PaymentEvent } from '@app/payments';
import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import { lockGym } from '../../gyms/gym-rows';
import { CheckoutFulfillment } from '../../payments/checkout-fulfillment';
import { ignored, type HandlerResult, type StripeEventHandler } from '../stripe-event-handler';
import { isGymId } from './gym-id';

@Injectable()
export class CheckoutSessionHandler implements StripeEventHandler {
  readonly eventTypes = [
    'checkout.session.completed',
    'checkout.session.async_payment_succeeded',
    'checkout.session.async_payment_failed',
  ] as const;

  constructor(private readonly fulfillment: CheckoutFulfillment) {}

  async handle(event: PaymentEvent, manager: EntityManager): Promise<HandlerResult> {
    const session = event.data.object as Stripe.Checkout.Session;
    const gymId = session.metadata?.gym_id ?? session.client_reference_id;
    if (!isGymId(gymId)) {
      return ignored('the checkout session carries no gym id (metadata.gym_id)');
    }

    const gym = await lockGym(manager, gymId);
    if (!gym) {
      return ignored(`there is no gym ${gymId}`);
    }

    switch (event.type) {
      case 'checkout.session.completed':
        return session.payment_status === 'unpaid'
          ? this.fulfillment.awaitingPayment(manager, gym, session)
          : this.fulfillment.paid(manager, gym, session, new Date(event.created * 1000));
      case 'checkout.session.async_payment_succeeded':
        return this.fulfillment.paid(manager, gym, session, new Date(event.created * 1000));
      case 'checkout.session.async_payment_failed':
        return this.fulfillment.paymentFailed(manager, gym, session);
      default:
        return ignored(`${event.type} is not a checkout outcome`);
    }
  }
}
