import Stripe from 'stripe';

export interface StripeSignatureOptions {
  /** Unix seconds; now when absent. */
  timestamp?: number;
}

/** Never configured anywhere: a header signed with it must be refused. */
const WRONG_SECRET = 'whsec_not_the_endpoint_secret_0000000000';

/** Unix seconds from now: `unixSecondsFromNow(-301)` is just past the default tolerance. */
export function unixSecondsFromNow(offsetSeconds = 0): number {
  return Math.floor(Date.now() / 1000) + offsetSeconds;
}

/** A Stripe-Signature header for exactly these bytes, as Stripe computes it. */
export function signStripePayload(
  payload: string,
  secret: string,
  options: StripeSignatureOptions = {},
): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    timestamp: options.timestamp ?? unixSecondsFromNow(),
  });
}

/**
 * One header with a v1 signature per secret, in order, as Stripe sends while an endpoint
 * secret is rolled: `signStripePayloadForSecrets(body, [oldSecret, newSecret])`.
 */
export function signStripePayloadForSecrets(
  payload: string,
  secrets: string[],
  options: StripeSignatureOptions = {},
): string {
  const timestamp = options.timestamp ?? unixSecondsFromNow();
  const signatures = secrets.map((secret) =>
    signStripePayload(payload, secret, { timestamp }).replace(/^t=\d+,/, ''),
  );

  return [`t=${timestamp}`, ...signatures].join(',');
}

/** A well-formed header that no configured secret verifies. */
export function signStripePayloadWithWrongSecret(
  payload: string,
  options: StripeSignatureOptions = {},
): string {
  return signStripePayload(payload, WRONG_SECRET, options);
}

/** A header with a wrong v1 first and the right one second: any matching v1 must be enough. */
export function signStripePayloadWithExtraWrongSignature(
  payload: string,
  secret: string,
  options: StripeSignatureOptions = {},
): string {
  return signStripePayloadForSecrets(payload, [WRONG_SECRET, secret], options);
}
