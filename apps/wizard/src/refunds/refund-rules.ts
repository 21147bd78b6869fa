import { ConflictError, InvalidRequestError } from '@app/common';
import { formatMinorUnits, minorUnitStep } from '@app/payments';
import type { Payment } from '../payments/payment.entity';

const REFUNDABLE_STATUSES: readonly Payment['status'][] = ['paid', 'partially_refunded'];

/**
 * Checked before Stripe is called, and again under the payment's lock. `amount` is in the
 * minor unit of the payment's currency (cents for EUR, yen for JPY). Returns what will be
 * refunded at most.
 */
export function assertRefundable(
  payment: Pick<Payment, 'id' | 'amount' | 'currency' | 'status' | 'refundedAmount' | 'disputedAt'>,
  amount: number | undefined,
): number {
  const money = (value: number) => formatMinorUnits(value, payment.currency);
  const left = payment.amount - payment.refundedAmount;

  if (payment.disputedAt) {
    throw new ConflictError(
      `Payment ${payment.id} is disputed (charged back), so it cannot be refunded; answer the ` +
        'dispute in the Stripe Dashboard.',
    );
  }
  if (
    payment.status === 'refunded' ||
    (REFUNDABLE_STATUSES.includes(payment.status) && left <= 0)
  ) {
    throw new ConflictError(
      `Payment ${payment.id} is refunded in full already (${money(payment.refundedAmount)}).`,
    );
  }
  if (!REFUNDABLE_STATUSES.includes(payment.status)) {
    throw new ConflictError(
      `Payment ${payment.id} is ${payment.status}; only a paid one is refunded.`,
    );
  }
  if (amount === undefined) {
    return left;
  }

  const currency = payment.currency.toUpperCase();
  const unit = `in the minor unit of ${currency}: ${payment.amount} is ${money(payment.amount)}`;
  if (!Number.isInteger(amount) || amount < 1) {
    throw new InvalidRequestError(`amount must be a whole number above 0, ${unit}.`);
  }
  if (amount > left) {
    throw new InvalidRequestError(
      `amount ${amount} is more than the ${left} (${money(left)}) left to refund of payment ` +
        `${payment.id}; amounts are ${unit}.`,
    );
  }
  const step = minorUnitStep(payment.currency);
  if (amount % step !== 0) {
    throw new InvalidRequestError(
      `amount must be a multiple of ${step}: Stripe takes ${currency} ` +
        `amounts in steps of ${step}.`,
    );
  }

  return amount;
}
