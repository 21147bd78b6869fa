import { MetricsRegistry } from '@app/common';
import { EmailOutboxMetrics } from '@app/email';
import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';

/** Exposes the outbox's counters on /metrics, read at each scrape. */
@Injectable()
export class EmailMetricsCollector {
  constructor(registry: MetricsRegistry, outbox: EmailOutboxMetrics) {
    new Counter({
      name: 'email_outbox_emails_total',
      help: 'Emails of this process by outcome (sent, retried, permanentFailures, dead)',
      labelNames: ['outcome'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [outcome, count] of Object.entries(outbox.snapshot())) {
          this.inc({ outcome }, count);
        }
      },
    });
  }
}
