import Stripe from 'stripe';

import { PaymentProviderError } from '../payments.errors';
import {
  CheckoutSession,
  CheckoutSessionRequest,
  InvoicePaymentReference,
  IPaymentsService,
  PaymentEvent,
  PaymentRefund,
  PaymentsHealth,
  RefundRequest,
} from '../payments.interface';
import { invoicePaymentReferenceOf } from './invoice-payment-reference';
import { toPaymentProviderError } from './stripe-error.mapper';
import { stripeIdOf } from './stripe-id';
import { resolveStripePaymentsConfig, StripePaymentsConfig } from './stripe-payments.config';
import { StripeWebhookVerifier } from './stripe-webhook-verifier';

const HEALTH_CHECK_TIMEOUT_MS = 5000;
const EVENTS_PAGE_SIZE = 100;

export class StripePaymentsService implements IPaymentsService {
  private readonly stripe: Stripe;
  private readonly webhooks: StripeWebhookVerifier;
  private readonly healthCheckTimeoutMs: number;

  constructor(config: StripePaymentsConfig) {
    const resolved = resolveStripePaymentsConfig(config);

    this.stripe = new Stripe(config.secretKey, resolved.client);
    this.webhooks = new StripeWebhookVerifier(
      resolved.webhookSecrets,
      resolved.webhookToleranceSeconds,
    );
    this.healthCheckTimeoutMs = Math.min(
      resolved.client.timeout ?? HEALTH_CHECK_TIMEOUT_MS,
      HEALTH_CHECK_TIMEOUT_MS,
    );
  }

  async createCheckoutSession(request: CheckoutSessionRequest): Promise<CheckoutSession> {
    const session = await this.call(() =>
      this.stripe.checkout.sessions.create(
        {
          mode: 'subscription',
          line_items: [{ price: request.priceId, quantity: 1 }],
          client_reference_id: request.clientReferenceId,
          metadata: request.metadata,
          // Renewal events carry the subscription, not the session: give it the metadata too.
          subscription_data: { metadata: request.metadata },
          customer_email: request.customerEmail,
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );

    if (!session.url) {
      throw new PaymentProviderError({
        kind: 'other',
        message: 'Stripe created a checkout session without a URL.',
      });
    }

    return { sessionId: session.id, url: session.url };
  }

  verifyWebhookEvent(rawBody: Buffer, signatureHeader: string | undefined): PaymentEvent {
    return this.webhooks.verify(rawBody, signatureHeader);
  }

  async createRefund(request: RefundRequest): Promise<PaymentRefund> {
    if (!request.paymentIntentId && !request.chargeId) {
      throw new PaymentProviderError({
        kind: 'invalid_request',
        message: 'A refund needs the payment intent or the charge it refunds.',
      });
    }

    const refund = await this.call(() =>
      this.stripe.refunds.create(
        {
          payment_intent: request.paymentIntentId ?? undefined,
          charge: request.paymentIntentId ? undefined : (request.chargeId ?? undefined),
          amount: request.amount,
          reason: request.reason,
          metadata: request.metadata,
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );

    return {
      refundId: refund.id,
      status: refund.status ?? 'pending',
      amount: refund.amount,
      currency: refund.currency,
      chargeId: stripeIdOf(refund.charge),
      paymentIntentId: stripeIdOf(refund.payment_intent),
    };
  }

  async *listEventsSince(since: Date): AsyncGenerator<PaymentEvent> {
    const events = this.stripe.events.list({
      created: { gte: Math.floor(since.getTime() / 1000) },
      limit: EVENTS_PAGE_SIZE,
    });

    try {
      for await (const event of events) {
        yield event;
      }
    } catch (error) {
      throw toPaymentProviderError(error);
    }
  }

  async findInvoicePayment(invoiceId: string): Promise<InvoicePaymentReference | null> {
    const invoice = await this.call(() =>
      this.stripe.invoices.retrieve(invoiceId, { expand: ['payments'] }),
    );

    return invoicePaymentReferenceOf(invoice);
  }

  async healthCheck(): Promise<PaymentsHealth> {
    try {
      await this.call(() =>
        this.stripe.balance.retrieve(undefined, {
          maxNetworkRetries: 0,
          timeout: this.healthCheckTimeoutMs,
        }),
      );

      return { status: 'up' };
    } catch (error) {
      const detail =
        error instanceof PaymentProviderError ? error.message : 'Stripe health check failed.';

      return { status: 'down', detail };
    }
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw toPaymentProviderError(error);
    }
  }
}
