/**
 * timeout: no answer in time; rate_limited: 429; unavailable: 5xx or connection refused;
 * permanent: the provider will never take this message (bad key, rejected recipient).
 */
export type EmailFailureKind = 'timeout' | 'rate_limited' | 'unavailable' | 'permanent';

export class EmailDeliveryError extends Error {
  override readonly name = 'EmailDeliveryError';

  constructor(
    readonly kind: EmailFailureKind,
    /** Safe to store and log: never holds a key, a token or a link. */
    message: string,
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
  }
}
