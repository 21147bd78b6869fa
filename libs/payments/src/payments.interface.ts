import { Inject } from '@nestjs/common';
import type Stripe from 'stripe';

export const PAYMENTS_SERVICE = Symbol('PAYMENTS_SERVICE');

export const InjectPaymentsService = (): ParameterDecorator => Inject(PAYMENTS_SERVICE);

/** Events keep Stripe's own shape: the handlers read Stripe's documented fields. */
export type PaymentEvent = Stripe.Event;

export interface CheckoutSessionRequest {
  priceId: string;
  clientReferenceId: string;
  metadata: Record<string, string>;
  customerEmail?: string;
  successUrl: string;
  cancelUrl: string;
  /** Passed to the provider so a retried request creates one session. */
  idempotencyKey: string;
}

export interface CheckoutSession {
  sessionId: string;
  url: string;
}

/** Stripe's own reasons; anything else goes in metadata. */
export const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

export type RefundReason = (typeof REFUND_REASONS)[number];

export interface RefundRequest {
  /** What the integration guide refunds by; the charge is used only when there is none. */
  paymentIntentId?: string | null;
  chargeId?: string | null;
  /** Minor units of the payment's currency; absent refunds whatever is left. */
  amount?: number;
  reason?: RefundReason;
  metadata?: Record<string, string>;
  /** Passed to the provider: the same key gives the same refund, once. */
  idempotencyKey: string;
}

export interface PaymentRefund {
  refundId: string;
  /** pending, requires_action, succeeded, failed or canceled, as the provider says. */
  status: string;
  amount: number;
  currency: string;
  chargeId: string | null;
  paymentIntentId: string | null;
}

/** What paid an invoice: what a refund of it needs. */
export interface InvoicePaymentReference {
  paymentIntentId: string | null;
  chargeId: string | null;
}

/** The provider's state as a value, for the health endpoint. */
export interface PaymentsHealth {
  status: 'up' | 'down';
  /** Safe to show: never holds a key. */
  detail?: string;
}

export interface IPaymentsService {
  createCheckoutSession(request: CheckoutSessionRequest): Promise<CheckoutSession>;
  /**
   * Checks the signature header over the exact raw bytes against every configured secret.
   * Throws WebhookSignatureError when none verifies.
   */
  verifyWebhookEvent(rawBody: Buffer, signatureHeader: string | undefined): PaymentEvent;
  /** Throws PaymentProviderError; `kind` says whether it is worth retrying with the same key. */
  createRefund(request: RefundRequest): Promise<PaymentRefund>;
  /** Every event created at or after `since`, newest first, page after page. */
  listEventsSince(since: Date): AsyncIterable<PaymentEvent>;
  /** The payment intent or charge that paid the invoice; null while it is unpaid. */
  findInvoicePayment(invoiceId: string): Promise<InvoicePaymentReference | null>;
  /** Whether the provider answers with the configured key. Never throws. */
  healthCheck(): Promise<PaymentsHealth>;
}
