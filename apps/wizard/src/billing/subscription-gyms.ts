import { stripeIdOf } from '@app/payments';
import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import { Gym } from '../gyms/gym.entity';
import { isGymId } from '../webhooks/handlers/gym-id';

// Before API version 2025-03-31 an invoice named its subscription itself.
type InvoiceWithLegacySubscription = Stripe.Invoice & {
  subscription?: string | { id: string } | null;
};

/** The subscription an invoice bills, and the gym id its checkout put in the metadata. */
export function subscriptionOfInvoice(
  invoice: Stripe.Invoice,
): { subscriptionId: string; gymId?: string } | null {
  const details = invoice.parent?.subscription_details;
  const subscriptionId =
    stripeIdOf(details?.subscription) ??
    stripeIdOf((invoice as InvoiceWithLegacySubscription).subscription);

  return subscriptionId ? { subscriptionId, gymId: details?.metadata?.gym_id } : null;
}

@Injectable()
export class SubscriptionGyms {
  /**
   * The gym that pays with this subscription, locked for the event's transaction. Until its
   * checkout is recorded the gym knows no subscription yet: the gym id the checkout put in the
   * subscription's metadata finds it then.
   */
  async lock(
    manager: EntityManager,
    subscriptionId: string,
    metadataGymId?: string,
  ): Promise<Gym | null> {
    const paying = await manager.findOne(Gym, {
      where: { stripeSubscriptionId: subscriptionId },
      lock: { mode: 'pessimistic_write' },
    });
    if (paying || !isGymId(metadataGymId)) {
      return paying;
    }

    const named = await manager.findOne(Gym, {
      where: { id: metadataGymId },
      lock: { mode: 'pessimistic_write' },
    });

    return named?.stripeSubscriptionId === null ? named : null;
  }
}
