import { createHmac, timingSafeEqual } from 'node:crypto';

/** The Stripe-Signature header Stripe sends: `t=<unix seconds>,v1=<HMAC-SHA256 hex>`. */
export function stripeSignature(body: Buffer, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${signedPayloadHmac(body, secret, timestamp).toString('hex')}`;
}

/**
 * The check Stripe's SDK makes, written out by hand: a timestamp within the tolerance on both
 * sides of now, and one v1 that matches in constant time.
 */
export function hasValidStripeSignature(
  body: Buffer,
  header: string | undefined,
  secret: string,
  toleranceSeconds: number,
): boolean {
  const parsed = header ? parseSignatureHeader(header) : undefined;
  if (!parsed || Math.abs(Math.floor(Date.now() / 1000) - parsed.timestamp) > toleranceSeconds) {
    return false;
  }

  const expected = signedPayloadHmac(body, secret, parsed.timestamp);

  return parsed.v1.some((candidate) => {
    const given = Buffer.from(candidate, 'hex');

    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

function signedPayloadHmac(body: Buffer, secret: string, timestamp: number): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

function parseSignatureHeader(header: string): { timestamp: number; v1: string[] } | undefined {
  let timestamp: number | undefined;
  const v1: string[] = [];

  for (const item of header.split(',')) {
    const [key, value] = item.split('=', 2);
    if (key === 't' && /^\d+$/.test(value ?? '')) {
      timestamp = Number(value);
    } else if (key === 'v1' && value) {
      v1.push(value);
    }
  }

  return timestamp === undefined || v1.length === 0 ? undefined : { timestamp, v1 };
}
