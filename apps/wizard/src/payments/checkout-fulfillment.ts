import { runPrepared } from '@app/database';
import { stripeIdOf } from '@app/payments';
import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import { ActivationTokens } from '../activation/activation-tokens';
import { GymEmails } from '../emails/gym-emails';
import { CHECKOUT_ALLOWED } from '../gyms/gym-status';
import { markGymPaid } from '../gyms/gym-rows';
import { Gym } from '../gyms/gym.entity';
import { LicenseIssuer, periodEnd } from '../licenses/license-issuer';
import { PlanCatalog } from '../plans/plan-catalog';
import { ignored, processed, type HandlerResult } from '../webhooks/stripe-event-handler';
import { RECORD_CHECKOUT_PAYMENT } from './checkout-payment-sql';
import type { PaymentStatus } from './payment.entity';

type Session = Stripe.Checkout.Session;

/** What a checkout's outcome does to a gym; runs inside the webhook's transaction. */
@Injectable()
export class CheckoutFulfillment {
  constructor(
    private readonly plans: PlanCatalog,
    private readonly licenses: LicenseIssuer,
    private readonly activationTokens: ActivationTokens,
    private readonly emails: GymEmails,
  ) {}

  /** Paid: record the payment, issue the license, send the activation link. */
  async paid(
    manager: EntityManager,
    gym: Gym,
    session: Session,
    paidAt: Date,
  ): Promise<HandlerResult> {
    if (!CHECKOUT_ALLOWED.includes(gym.status)) {
      return ignored(`gym ${gym.id} is already ${gym.status}`);
    }

    const plan = this.plans.get(gym.planId);
    const token = this.activationTokens.create();

    // Independent writes: the pipelined connection sends them in one round trip, in this order.
    await Promise.all([
      this.recordPayment(manager, gym, session, 'paid'),
      markGymPaid(manager, gym.id, {
        checkoutSessionId: session.id,
        customerId: stripeIdOf(session.customer),
        subscriptionId: stripeIdOf(session.subscription),
      }),
      this.licenses.issue(manager, gym.id, plan, periodEnd(paidAt, plan.interval)),
      this.activationTokens.save(manager, gym.id, token),
      this.emails.activation(manager, gym, token),
    ]);

    return processed();
  }

  /** Completed but not paid yet (SEPA and other delayed methods): wait for the money. */
  async awaitingPayment(
    manager: EntityManager,
    gym: Gym,
    session: Session,
  ): Promise<HandlerResult> {
    if (!CHECKOUT_ALLOWED.includes(gym.status)) {
      return ignored(`gym ${gym.id} is already ${gym.status}`);
    }

    await this.recordPayment(manager, gym, session, 'pending');
    await manager.update(
      Gym,
      { id: gym.id },
      { status: 'pending_payment', checkoutSessionId: session.id },
    );

    return processed();
  }

  /** The delayed payment failed: the gym stays unpaid and its owner is told. */
  async paymentFailed(manager: EntityManager, gym: Gym, session: Session): Promise<HandlerResult> {
    if (!CHECKOUT_ALLOWED.includes(gym.status)) {
      return ignored(`gym ${gym.id} is already ${gym.status}`);
    }

    await this.recordPayment(manager, gym, session, 'failed');
    await manager.update(Gym, { id: gym.id }, { status: 'draft' });
    await this.emails.checkoutPaymentFailed(manager, gym, session.id);

    return processed();
  }

  /** invoice.paid may have come first and recorded the invoice: that row is this payment. */
  private async recordPayment(
    manager: EntityManager,
    gym: Gym,
    session: Session,
    status: PaymentStatus,
  ): Promise<void> {
    await runPrepared(manager, RECORD_CHECKOUT_PAYMENT, [
      gym.id,
      session.id,
      stripeIdOf(session.invoice),
      stripeIdOf(session.payment_intent),
      session.amount_total ?? 0,
      session.currency ?? 'eur',
      status,
    ]);
  }
}
