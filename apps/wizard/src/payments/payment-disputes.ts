import { formatMinorUnits, type PaymentEvent, stripeIdOf } from '@app/payments';
import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import { PlatformAdminAlerts } from '../billing/platform-admin-alerts';
import { Gym } from '../gyms/gym.entity';
import { PaymentRefunds } from '../refunds/payment-refunds';
import { processed, type HandlerResult } from '../webhooks/stripe-event-handler';
import { PaymentLookup } from './payment-lookup';

/** charge.dispute.created: the payment is flagged (no refunds any more) and admins are told. */
@Injectable()
export class PaymentDisputes {
  constructor(
    private readonly lookup: PaymentLookup,
    private readonly paymentRefunds: PaymentRefunds,
    private readonly adminAlerts: PlatformAdminAlerts,
  ) {}

  async opened(
    manager: EntityManager,
    dispute: Stripe.Dispute,
    event: PaymentEvent,
  ): Promise<HandlerResult> {
    const chargeId = stripeIdOf(dispute.charge);
    const payment = await this.lookup.lockByCharge(manager, {
      chargeId,
      paymentIntentId: stripeIdOf(dispute.payment_intent),
    });
    const gym = payment && (await manager.findOneBy(Gym, { id: payment.gymId }));

    if (payment) {
      await this.paymentRefunds.markDisputed(manager, payment, {
        id: dispute.id,
        createdAt: new Date((dispute.created ?? event.created) * 1000),
        chargeId,
      });
    }
    // Told even when no payment of ours matches: a dispute costs money either way.
    await this.adminAlerts.disputeCreated(manager, {
      disputeId: dispute.id,
      chargeId: chargeId ?? 'unknown',
      amount: formatMinorUnits(dispute.amount, dispute.currency),
      reason: dispute.reason,
      evidenceDueBy: dispute.evidence_details?.due_by
        ? new Date(dispute.evidence_details.due_by * 1000).toISOString()
        : null,
      gymName: gym?.name ?? null,
      gymId: gym?.id ?? null,
      paymentId: payment?.id ?? null,
    });

    return payment
      ? processed()
      : { ...processed(), detail: `no payment of ours matches charge ${chargeId}; admins told` };
  }
}
