import { Injectable } from '@nestjs/common';

export interface EmailOutboxCounts {
  sent: number;
  retried: number;
  permanentFailures: number;
  dead: number;
}

/** Counters of this process, for a /metrics endpoint; labels never carry an address or a value. */
@Injectable()
export class EmailOutboxMetrics {
  private readonly counts: EmailOutboxCounts = {
    sent: 0,
    retried: 0,
    permanentFailures: 0,
    dead: 0,
  };

  count(name: keyof EmailOutboxCounts): void {
    this.counts[name] += 1;
  }

  snapshot(): EmailOutboxCounts {
    return { ...this.counts };
  }
}
