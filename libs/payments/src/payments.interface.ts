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
  /** Whether the provider answers with the configured key. Never throws. */
  healthCheck(): Promise<PaymentsHealth>;
}
