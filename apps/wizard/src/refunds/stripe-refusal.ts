import { AppError } from '@app/common';
import type { PaymentProviderError } from '@app/payments';

/**
 * already_refunded: the work is done, the record follows. retry: nothing is kept, so the same
 * key can try again (Stripe replays its own answer for it). refused: kept, and answered the
 * same way every time the key comes back.
 */
export type StripeRefusal =
  | { kind: 'already_refunded' }
  | { kind: 'retry'; error: AppError }
  | { kind: 'refused'; status: 400 | 409; message: string; disputed: boolean };

const refused = (message: string, disputed = false): StripeRefusal => ({
  kind: 'refused',
  status: 409,
  message,
  disputed,
});

export function stripeRefusalOf(error: PaymentProviderError, paymentId: string): StripeRefusal {
  switch (error.kind) {
    case 'already_refunded':
      return { kind: 'already_refunded' };
    case 'disputed':
      return refused(
        `Payment ${paymentId} is disputed (charged back) at Stripe, so it cannot be refunded; ` +
          'answer the dispute in the Stripe Dashboard.',
        true,
      );
    case 'idempotency_conflict':
      return refused(
        'Stripe has seen this Idempotency-Key with other parameters; ' +
          'send a new key for a new refund.',
      );
    case 'invalid_request':
    case 'card_declined':
      return refused(
        error.code === 'amount_too_large'
          ? 'Stripe has less left to refund on this payment than we know of (a refund made in ' +
              `the Stripe Dashboard may not have reached us yet). ${error.message}`
          : `Stripe refused the refund. ${error.message}`,
      );
    default:
      return {
        kind: 'retry',
        error: new AppError(
          'unavailable',
          'Stripe could not take the refund right now; retry with the same Idempotency-Key.',
        ),
      };
  }
}
