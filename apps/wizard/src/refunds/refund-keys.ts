import { createHash } from 'node:crypto';
import { InvalidRequestError } from '@app/common';

// Visible ASCII, as Stripe takes it (it allows up to 255 characters).
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export function checkedIdempotencyKey(header: string | undefined): string {
  const key = header?.trim();
  if (!key) {
    throw new InvalidRequestError(
      'The Idempotency-Key header is required: send a new random key (a uuid) for each refund, ' +
        'and the same key when you retry it.',
    );
  }
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new InvalidRequestError(
      'The Idempotency-Key header must be 1 to 255 visible ASCII characters, without spaces.',
    );
  }

  return key;
}

/** What one key stands for: a key sent again with another ask is refused. */
export function refundFingerprint(ask: {
  paymentId: string;
  amount?: number;
  reason?: string;
}): string {
  const asked = JSON.stringify([ask.paymentId, ask.amount ?? null, ask.reason ?? null]);

  return createHash('sha256').update(asked).digest('hex');
}
