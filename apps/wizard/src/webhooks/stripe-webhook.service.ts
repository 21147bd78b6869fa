import { InjectPaymentsService, IPaymentsService, PaymentEvent } from '@app/payments';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { WizardConfig } from '../config/wizard-env';
import { StripeEventProcessor } from './stripe-event-processor';
import { WebhookMetrics } from './webhook-metrics';
import { isWellFormedEvent } from './well-formed-event';

export interface WebhookReceipt {
  received: true;
  outcome: 'rejected' | 'processed' | 'ignored' | 'duplicate';
}

@Injectable()
export class StripeWebhookService implements OnApplicationBootstrap {
  private readonly logger = new Logger(StripeWebhookService.name);

  constructor(
    @InjectPaymentsService() private readonly payments: IPaymentsService,
    private readonly processor: StripeEventProcessor,
    private readonly metrics: WebhookMetrics,
    private readonly config: ConfigService<WizardConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.get('STRIPE_WEBHOOK_SECRET', { infer: true })?.length) {
      this.logger.warn('STRIPE_WEBHOOK_SECRET is not set: every Stripe webhook will be refused');
    }
  }

  /**
   * A delivery whose signature does not verify is answered 200 and dropped, as the failure table
   * says; a database failure propagates (500) so that Stripe retries.
   */
  async receive(rawBody: unknown, signature: string | undefined): Promise<WebhookReceipt> {
    const event = this.verify(rawBody, signature);
    if (!event) {
      this.metrics.count('rejected');

      return { received: true, outcome: 'rejected' };
    }

    const outcome = await this.processor.process(event).catch((error: unknown) => {
      this.metrics.count('failed');
      throw error;
    });
    this.metrics.count(outcome);

    return { received: true, outcome };
  }

  private verify(rawBody: unknown, signature: string | undefined): PaymentEvent | undefined {
    const bytes = Buffer.isBuffer(rawBody) ? rawBody : Buffer.alloc(0);

    let event: PaymentEvent;
    try {
      event = this.payments.verifyWebhookEvent(bytes, signature);
    } catch (error) {
      this.logger.warn({ reason: (error as Error).message }, 'Stripe webhook rejected: signature');

      return undefined;
    }

    if (!isWellFormedEvent(event)) {
      this.logger.warn('Stripe webhook rejected: signed, but not a well-formed event');

      return undefined;
    }

    return event;
  }
}
