import { MetricsRegistry } from '@app/common';
import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';

@Injectable()
export class WebhookMetrics {
  private readonly received: Counter<'outcome'>;

  constructor(registry: MetricsRegistry) {
    this.received = new Counter({
      name: 'stripe_webhook_deliveries_total',
      help: 'Stripe webhook deliveries by outcome (rejected, processed, ignored, duplicate, failed)',
      labelNames: ['outcome'],
      registers: [registry],
    });
  }

  count(outcome: string): void {
    this.received.inc({ outcome });
  }
}
