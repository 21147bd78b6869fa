import { InjectPaymentsService, IPaymentsService, PaymentEvent } from '@app/payments';
import { Injectable, Logger } from '@nestjs/common';
import { StripeEventProcessor } from './stripe-event-processor';

export interface WebhookReceipt {
  received: true;
  outcome: 'rejected' | 'processed' | 'ignored' | 'duplicate';
}

@Injectable()
export class StripeWebhookService {
  private readonly logger = new Logger(StripeWebhookService.name);

  constructor(
    @InjectPaymentsService() private readonly payments: IPaymentsService,
    private readonly processor: StripeEventProcessor,
  ) {}

  /**
   * A delivery whose signature does not verify is answered 200 and dropped, as the failure table
   * says; a database failure propagates (500) so that Stripe retries.
   */
  async receive(rawBody: unknown, signature: string | undefined): Promise<WebhookReceipt> {
    const event = this.verify(rawBody, signature);
    if (!event) {
      return { received: true, outcome: 'rejected' };
    }

    return { received: true, outcome: await this.processor.process(event) };
  }

  private verify(rawBody: unknown, signature: string | undefined): PaymentEvent | undefined {
    const bytes = Buffer.isBuffer(rawBody) ? rawBody : Buffer.alloc(0);

    try {
      return this.payments.verifyWebhookEvent(bytes, signature);
    } catch (error) {
      this.logger.warn({ reason: (error as Error).message }, 'Stripe webhook rejected: signature');

      return undefined;
    }
  }
}
