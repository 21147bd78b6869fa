import { formatMinorUnits } from '@app/payments';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GymEmails } from '../emails/gym-emails';
import { Gym } from '../gyms/gym.entity';
import { Payment } from '../payments/payment.entity';

/** What a refund does to a payment (locked by the caller) and who is told. */
@Injectable()
export class PaymentRefunds {
  constructor(private readonly emails: GymEmails) {}

  /** A refund Stripe just made for us; `refundId` makes its email one email. */
  async add(
    manager: EntityManager,
    payment: Payment,
    refund: { refundId: string; amount: number },
  ): Promise<void> {
    await this.setRefundedTotal(manager, payment, payment.refundedAmount + refund.amount);
    await this.tellOwner(manager, payment, refund.refundId, refund.amount);
  }

  /**
   * Stripe's total refunded on the charge (charge.refunded), which counts our own refunds too:
   * what it adds is a refund made elsewhere, such as the Dashboard. Returns what it added.
   */
  async catchUp(
    manager: EntityManager,
    payment: Payment,
    charge: { id: string; amountRefunded: number },
  ): Promise<number> {
    const added = Math.min(charge.amountRefunded, payment.amount) - payment.refundedAmount;
    if (added <= 0) {
      return 0;
    }

    await this.setRefundedTotal(manager, payment, charge.amountRefunded, charge.id);
    await this.tellOwner(manager, payment, `${charge.id}:${charge.amountRefunded}`, added);

    return added;
  }

  /** Stripe says nothing is left to refund: the record follows, without a new email. */
  async markRefundedInFull(manager: EntityManager, payment: Payment): Promise<void> {
    await this.setRefundedTotal(manager, payment, payment.amount);
  }

  async markDisputed(
    manager: EntityManager,
    payment: Payment,
    dispute: { id: string | null; createdAt: Date; chargeId: string | null },
  ): Promise<void> {
    await manager.update(
      Payment,
      { id: payment.id },
      {
        disputedAt: payment.disputedAt ?? dispute.createdAt,
        stripeDisputeId: dispute.id ?? payment.stripeDisputeId,
        stripeChargeId: payment.stripeChargeId ?? dispute.chargeId,
      },
    );
  }

  private async setRefundedTotal(
    manager: EntityManager,
    payment: Payment,
    total: number,
    chargeId?: string,
  ): Promise<void> {
    const refundedAmount = Math.min(total, payment.amount);

    await manager.update(
      Payment,
      { id: payment.id },
      {
        refundedAmount,
        status: refundedAmount >= payment.amount ? 'refunded' : 'partially_refunded',
        stripeChargeId: payment.stripeChargeId ?? chargeId ?? null,
      },
    );
    Object.assign(payment, { refundedAmount });
  }

  private async tellOwner(
    manager: EntityManager,
    payment: Payment,
    key: string,
    amount: number,
  ): Promise<void> {
    const gym = await manager.findOneByOrFail(Gym, { id: payment.gymId });

    await this.emails.refundConfirmation(manager, gym, {
      key,
      amount: formatMinorUnits(amount, payment.currency),
      fullyRefunded: payment.refundedAmount >= payment.amount,
    });
  }
}
