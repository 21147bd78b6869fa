import type { PaymentEvent } from '@app/payments';
import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import type { Plan } from '../config/plans';
import { Gym } from '../gyms/gym.entity';
import { LicenseIssuer } from '../licenses/license-issuer';
import { PlanCatalog } from '../plans/plan-catalog';
import { ignored, processed, type HandlerResult } from '../webhooks/stripe-event-handler';
import { canceledStatusOf, statusForSubscription } from './gym-billing-status';
import { StripeObjectClocks } from './stripe-object-clocks';

// Before API version 2025-03-31 the period sat on the subscription, not on its items.
type LegacyPeriod = { current_period_end?: number };

/** What customer.subscription.updated and .deleted do to a gym and its license. */
@Injectable()
export class SubscriptionSync {
  constructor(
    private readonly clocks: StripeObjectClocks,
    private readonly plans: PlanCatalog,
    private readonly licenses: LicenseIssuer,
  ) {}

  async updated(
    manager: EntityManager,
    gym: Gym,
    subscription: Stripe.Subscription,
    event: PaymentEvent,
  ): Promise<HandlerResult> {
    const termsAreNewest = await this.clocks.advance(
      manager,
      subscription.id,
      'subscription',
      event,
    );
    const statusIsNewest = await this.clocks.advance(
      manager,
      subscription.id,
      'billing_status',
      event,
    );
    if (!termsAreNewest && !statusIsNewest) {
      return ignored(`a newer event about ${subscription.id} was applied already`);
    }

    const detail = termsAreNewest ? await this.applyTerms(manager, gym, subscription) : undefined;
    if (statusIsNewest) {
      await this.applyStatus(manager, gym, statusForSubscription(gym, subscription.status));
    }

    return { ...processed(), detail };
  }

  /** Ends the license and cancels the gym, whatever came before: nothing follows a deletion. */
  async ended(
    manager: EntityManager,
    gym: Gym,
    subscription: Stripe.Subscription,
    event: PaymentEvent,
  ): Promise<HandlerResult> {
    await this.clocks.advance(manager, subscription.id, 'subscription', event);
    await this.clocks.advance(manager, subscription.id, 'billing_status', event);

    const endedAt = new Date((subscription.ended_at ?? event.created) * 1000);
    await this.licenses.end(manager, gym.id, endedAt);
    await this.applyStatus(manager, gym, canceledStatusOf(gym));

    return processed();
  }

  /** Plan, period end and cancellation; the detail says when the price is no plan of ours. */
  private async applyTerms(
    manager: EntityManager,
    gym: Gym,
    subscription: Stripe.Subscription,
  ): Promise<string | undefined> {
    const items = subscription.items.data;
    const planItem = items.find((item) => this.planOf(item.price.id)) ?? items[0];
    const plan = planItem && this.planOf(planItem.price.id);
    const periodEnd =
      (planItem as (Stripe.SubscriptionItem & LegacyPeriod) | undefined)?.current_period_end ??
      (subscription as Stripe.Subscription & LegacyPeriod).current_period_end;

    if (plan && plan.id !== gym.planId) {
      await manager.update(Gym, { id: gym.id }, { planId: plan.id });
    }
    await this.licenses.followSubscription(manager, gym.id, {
      plan,
      validUntil: periodEnd ? new Date(periodEnd * 1000) : undefined,
      cancelAtPeriodEnd: subscription.cancel_at_period_end,
    });

    if (!plan) {
      const priceId = planItem?.price.id ?? 'none';
      return `price ${priceId} is no plan of the catalogue; the gym keeps ${gym.planId}`;
    }

    return undefined;
  }

  private async applyStatus(manager: EntityManager, gym: Gym, next: Gym['status'] | null) {
    if (next && next !== gym.status) {
      await manager.update(Gym, { id: gym.id }, { status: next });
    }
  }

  private planOf(priceId: string): Plan | undefined {
    return this.plans.list().find((plan) => plan.stripePriceId === priceId);
  }
}
