import Stripe from 'stripe';

import { PaymentEvent } from '../payments.interface';
import { WebhookSignatureError } from '../payments.errors';

/** The `t=` value of a Stripe-Signature header, or undefined when there is none or no v1. */
function signedTimestampOf(header: string): number | undefined {
  let timestamp: number | undefined;
  let hasV1 = false;

  for (const item of header.split(',')) {
    const separator = item.indexOf('=');
    if (separator === -1) {
      continue;
    }

    const key = item.slice(0, separator);
    const value = item.slice(separator + 1);

    if (key === 't' && /^\d+$/.test(value)) {
      timestamp = Number(value);
    }
    if (key === 'v1' && value) {
      hasV1 = true;
    }
  }

  return hasV1 ? timestamp : undefined;
}

/**
 * Verifies Stripe webhooks against every configured secret, so a secret can be rolled
 * without dropping events.
 *
 * The SDK rejects old timestamps only; a timestamp in the future passes it and could be
 * replayed until it ages out. We reject both sides of now beyond the tolerance ourselves,
 * which still forgives clock skew smaller than the tolerance.
 */
export class StripeWebhookVerifier {
  constructor(
    private readonly secrets: readonly string[],
    private readonly toleranceSeconds: number,
  ) {}

  verify(rawBody: Buffer, signatureHeader: string | undefined): PaymentEvent {
    if (!signatureHeader) {
      throw new WebhookSignatureError('missing_header');
    }

    const timestamp = signedTimestampOf(signatureHeader);
    if (timestamp === undefined) {
      throw new WebhookSignatureError('malformed_header');
    }

    const nowMs = Date.now();
    if (Math.abs(Math.floor(nowMs / 1000) - timestamp) > this.toleranceSeconds) {
      throw new WebhookSignatureError('timestamp_outside_tolerance');
    }

    // Decoded once: given bytes, the SDK decodes them again for every secret it tries.
    const payload = rawBody.toString('utf8');
    for (const secret of this.secrets) {
      const event = this.tryConstructEvent(payload, signatureHeader, secret, nowMs);
      if (event) {
        return event;
      }
    }

    throw new WebhookSignatureError('no_matching_signature');
  }

  private tryConstructEvent(
    payload: string,
    header: string,
    secret: string,
    nowMs: number,
  ): PaymentEvent | undefined {
    try {
      // The same clock as our own check, so both agree at the edge of the window.
      return Stripe.webhooks.constructEvent(
        payload,
        header,
        secret,
        this.toleranceSeconds,
        undefined,
        nowMs,
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
        return undefined;
      }

      // The signature matched, so the payload itself is not an event (not JSON, a thin event).
      throw new WebhookSignatureError('invalid_payload');
    }
  }
}
