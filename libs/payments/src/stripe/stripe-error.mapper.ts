import Stripe from 'stripe';

import { PaymentProviderError, PaymentProviderErrorKind } from '../payments.errors';

type StripeError = Stripe.errors.StripeError;

// Stripe echoes a masked key in some messages; take out anything shaped like a key or secret.
const KEY_LIKE = /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9*]*|\bwhsec_[A-Za-z0-9*]*/g;

const KIND_OF_CODE: Partial<Record<string, PaymentProviderErrorKind>> = {
  charge_already_refunded: 'already_refunded',
  charge_disputed: 'disputed',
  refund_disputed_payment: 'disputed',
};

function kindOf(error: StripeError): PaymentProviderErrorKind {
  const { errors } = Stripe;
  const status = error.statusCode ?? 0;

  if (error.rawType === 'idempotency_error') {
    return 'idempotency_conflict';
  }
  const kindOfCode = error.code ? KIND_OF_CODE[error.code] : undefined;
  if (kindOfCode) {
    return kindOfCode;
  }
  if (error instanceof errors.StripeCardError) {
    return 'card_declined';
  }
  if (error instanceof errors.StripeRateLimitError) {
    return 'rate_limited';
  }
  if (
    error instanceof errors.StripeAuthenticationError ||
    error instanceof errors.StripePermissionError
  ) {
    return 'authentication';
  }
  if (error instanceof errors.StripeConnectionError || status >= 500 || status === 409) {
    return 'unavailable';
  }
  if (error instanceof errors.StripeInvalidRequestError) {
    return 'invalid_request';
  }

  return 'other';
}

function safeMessage(error: StripeError, kind: PaymentProviderErrorKind): string {
  const facts = [kind, error.code, error.statusCode && `HTTP ${error.statusCode}`].filter(Boolean);
  const summary = `Stripe request failed (${facts.join(', ')})`;

  // An authentication message is about the key itself: say nothing more.
  if (kind === 'authentication') {
    return `${summary}.`;
  }

  const providerMessage = (error.message ?? '')
    .replace(/^\[[^\]]*\]\s*/, '')
    .replace(KEY_LIKE, '[redacted]');

  return providerMessage ? `${summary}: ${providerMessage}` : `${summary}.`;
}

/** Stripe SDK errors become PaymentProviderError; anything else is a bug and passes unchanged. */
export function toPaymentProviderError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) {
    return error;
  }

  const kind = kindOf(error);

  return new PaymentProviderError({
    kind,
    message: safeMessage(error, kind),
    code: error.code,
    declineCode: error.decline_code,
    statusCode: error.statusCode,
    requestId: error.requestId,
  });
}
