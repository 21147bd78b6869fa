/** Which check a webhook signature failed; the message says the same in words. */
export type WebhookSignatureFailure =
  | 'missing_header'
  | 'malformed_header'
  | 'timestamp_outside_tolerance'
  | 'no_matching_signature'
  | 'invalid_payload';

const WEBHOOK_FAILURE_MESSAGES: Record<WebhookSignatureFailure, string> = {
  missing_header: 'The Stripe-Signature header is missing.',
  malformed_header: 'The Stripe-Signature header has no valid timestamp or no v1 signature.',
  timestamp_outside_tolerance: 'The Stripe-Signature timestamp is outside the allowed tolerance.',
  no_matching_signature: 'No v1 signature matches any configured webhook secret.',
  invalid_payload: 'The signed webhook payload is not a valid Stripe event.',
};

/** A webhook that must not be processed. The message never holds a secret or the payload. */
export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError';

  constructor(readonly failure: WebhookSignatureFailure) {
    super(WEBHOOK_FAILURE_MESSAGES[failure]);
  }
}

/**
 * card_declined: 402 card errors; rate_limited: 429; unavailable: 5xx, lock timeouts, connection
 * failures and timeouts; authentication: bad or unauthorised key; idempotency_conflict: a key
 * reused with other parameters; already_refunded: nothing is left to refund on the charge;
 * disputed: the charge is disputed, so it cannot be refunded.
 */
export type PaymentProviderErrorKind =
  | 'card_declined'
  | 'invalid_request'
  | 'rate_limited'
  | 'unavailable'
  | 'authentication'
  | 'idempotency_conflict'
  | 'already_refunded'
  | 'disputed'
  | 'other';

const RETRYABLE_KINDS: ReadonlySet<PaymentProviderErrorKind> = new Set([
  'rate_limited',
  'unavailable',
]);

export interface PaymentProviderErrorDetails {
  kind: PaymentProviderErrorKind;
  /** Safe to log and to store: never holds a key. */
  message: string;
  code?: string;
  declineCode?: string;
  statusCode?: number;
  requestId?: string;
}

/** A provider call that failed. Carries no raw SDK error, whose fields may hold request data. */
export class PaymentProviderError extends Error {
  override readonly name = 'PaymentProviderError';
  readonly kind: PaymentProviderErrorKind;
  readonly code?: string;
  readonly declineCode?: string;
  readonly statusCode?: number;
  readonly requestId?: string;

  constructor(details: PaymentProviderErrorDetails) {
    super(details.message);
    this.kind = details.kind;
    this.code = details.code;
    this.declineCode = details.declineCode;
    this.statusCode = details.statusCode;
    this.requestId = details.requestId;
  }

  /** Worth trying again later with the same idempotency key. */
  get retryable(): boolean {
    return RETRYABLE_KINDS.has(this.kind);
  }
}

/** Bad payments options. The message names the option, never its value. */
export class PaymentsConfigError extends Error {
  override readonly name = 'PaymentsConfigError';
}
