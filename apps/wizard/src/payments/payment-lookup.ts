import { Injectable } from '@nestjs/common';
import { EntityManager, type FindOptionsWhere } from 'typeorm';
import { Payment } from './payment.entity';

@Injectable()
export class PaymentLookup {
  /** The payment a charge paid, by the charge or its payment intent, locked for the caller. */
  lockByCharge(
    manager: EntityManager,
    charge: { chargeId: string | null; paymentIntentId: string | null },
  ): Promise<Payment | null> {
    const where: FindOptionsWhere<Payment>[] = [];
    if (charge.chargeId) {
      where.push({ stripeChargeId: charge.chargeId });
    }
    if (charge.paymentIntentId) {
      where.push({ stripePaymentIntentId: charge.paymentIntentId });
    }
    if (where.length === 0) {
      return Promise.resolve(null);
    }

    return manager.findOne(Payment, { where, lock: { mode: 'pessimistic_write' } });
  }
}
