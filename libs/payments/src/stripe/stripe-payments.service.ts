import Stripe from 'stripe';

import { PaymentProviderError } from '../payments.errors';
import {
  CheckoutSession,
  CheckoutSessionRequest,
  IPaymentsService,
  PaymentEvent,
  PaymentsHealth,
} from '../payments.interface';
import { toPaymentProviderError } from './stripe-error.mapper';
import { resolveStripePaymentsConfig, StripePaymentsConfig } from './stripe-payments.config';
import { StripeWebhookVerifier } from './stripe-webhook-verifier';

const HEALTH_CHECK_TIMEOUT_MS = 5000;

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
