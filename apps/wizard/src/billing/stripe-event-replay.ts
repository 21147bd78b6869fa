import { AppError } from '@app/common';
import {
  InjectPaymentsService,
  IPaymentsService,
  type PaymentEvent,
  PaymentProviderError,
} from '@app/payments';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { WizardConfig } from '../config/wizard-env';
import { StripeEventProcessor } from '../webhooks/stripe-event-processor';

export interface ReplaySummary {
  since: string;
  /** Events Stripe listed from `since` on. */
  listed: number;
  processed: number;
  ignored: number;
  /** Processed before (by the webhook or an earlier replay): skipped. */
  duplicate: number;
  failed: number;
  failures: Array<{ eventId: string; type: string; reason: string }>;
}

/** After an outage: Stripe's events from a time on, through the webhook's own processor. */
@Injectable()
export class StripeEventReplay {
  private readonly logger = new Logger(StripeEventReplay.name);

  constructor(
    @InjectPaymentsService() private readonly payments: IPaymentsService,
    private readonly processor: StripeEventProcessor,
    private readonly config: ConfigService<WizardConfig, true>,
  ) {}

  async replaySince(since: Date): Promise<ReplaySummary> {
    if (!this.config.get('STRIPE_SECRET_KEY', { infer: true })) {
      throw new AppError('unavailable', 'Payments are not configured: set STRIPE_SECRET_KEY.');
    }

    const events = await this.listSince(since);
    const summary: ReplaySummary = {
      since: since.toISOString(),
      listed: events.length,
      processed: 0,
      ignored: 0,
      duplicate: 0,
      failed: 0,
      failures: [],
    };

    for (const event of events) {
      try {
        summary[await this.processor.process(event)] += 1;
      } catch (error) {
        summary.failed += 1;
        summary.failures.push({
          eventId: event.id,
          type: event.type,
          reason: (error as Error).message,
        });
      }
    }

    this.logger.log(
      { ...summary, failures: summary.failures.map((failure) => failure.eventId) },
      'Stripe events replayed',
    );

    return summary;
  }

  /** Stripe lists newest first; they are applied oldest first, as they happened. */
  private async listSince(since: Date): Promise<PaymentEvent[]> {
    const events: PaymentEvent[] = [];

    try {
      for await (const event of this.payments.listEventsSince(since)) {
        events.push(event);
      }
    } catch (error) {
      if (error instanceof PaymentProviderError) {
        throw new AppError('unavailable', `Stripe's events could not be read: ${error.message}`);
      }
      throw error;
    }

    return events.reverse();
  }
}
