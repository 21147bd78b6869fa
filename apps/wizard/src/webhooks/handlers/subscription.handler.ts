import type { PaymentEvent } from '@app/payments';
import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import { SubscriptionGyms } from '../../billing/subscription-gyms';
import { SubscriptionSync } from '../../billing/subscription-sync';
import { ignored, type HandlerResult, type StripeEventHandler } from '../stripe-event-handler';

@Injectable()
export class SubscriptionHandler implements StripeEventHandler {
  readonly eventTypes = ['customer.subscription.updated', 'customer.subscription.deleted'] as const;

  constructor(
    private readonly gyms: SubscriptionGyms,
    private readonly sync: SubscriptionSync,
  ) {}

  async handle(event: PaymentEvent, manager: EntityManager): Promise<HandlerResult> {
    const subscription = event.data.object as Stripe.Subscription;
    const gym = await this.gyms.lock(manager, subscription.id, subscription.metadata?.gym_id);
    if (!gym) {
      return ignored(`no gym pays with subscription ${subscription.id}`);
    }

    const ended =
      event.type === 'customer.subscription.deleted' || subscription.status === 'canceled';

    return ended
      ? this.sync.ended(manager, gym, subscription, event)
      : this.sync.updated(manager, gym, subscription, event);
  }
}
