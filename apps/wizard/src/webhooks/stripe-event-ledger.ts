import { preparedStatement, runPrepared } from '@app/database';
import type { PaymentEvent } from '@app/payments';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { HandlerResult } from './stripe-event-handler';

/** Parameters: id, type, created (epoch seconds), livemode. Returns the id when claimed. */
export const CLAIM_EVENT = preparedStatement(
  'stripe_events.claim',
  `INSERT INTO stripe_events (id, type, created, livemode, outcome, processed_at)
       VALUES ($1, $2, to_timestamp($3), $4, 'processed', now())
       ON CONFLICT (id) DO UPDATE
         SET outcome = 'processed', detail = NULL, processed_at = now(),
             deliveries = stripe_events.deliveries + 1
         WHERE stripe_events.outcome = 'failed'
       RETURNING id`,
);

export const COUNT_REDELIVERY = preparedStatement(
  'stripe_events.count_redelivery',
  'UPDATE stripe_events SET deliveries = deliveries + 1 WHERE id = $1',
);

/** Parameters: id, outcome, detail. */
export const FINISH_EVENT = preparedStatement(
  'stripe_events.finish',
  'UPDATE stripe_events SET outcome = $2, detail = $3, processed_at = now() WHERE id = $1',
);

/** The record of every verified event: it is also what makes one event id act only once. */
@Injectable()
export class StripeEventLedger {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the event for this transaction. A concurrent delivery of the same id waits on the
   * unique key until the first one commits, then finds it done; a failed one may run again.
   * The row says `processed` at once: it commits only with the handler's work, and `finish`
   * corrects it when the handler ignored the event, so most events need no second statement.
   */
  async claim(manager: EntityManager, event: PaymentEvent): Promise<boolean> {
    const claimed = await runPrepared(manager, CLAIM_EVENT, [
      event.id,
      event.type,
      event.created,
      event.livemode,
    ]);
    if (claimed.length > 0) {
      return true;
    }

    await runPrepared(manager, COUNT_REDELIVERY, [event.id]);

    return false;
  }

  async finish(manager: EntityManager, eventId: string, result: HandlerResult): Promise<void> {
    if (result.outcome === 'processed' && result.detail === undefined) {
      return;
    }

    await runPrepared(manager, FINISH_EVENT, [eventId, result.outcome, result.detail ?? null]);
  }

  /** Written outside the failed transaction, so support sees the failure while Stripe retries. */
  async recordFailure(event: PaymentEvent, detail: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO stripe_events (id, type, created, livemode, outcome, detail)
       VALUES ($1, $2, to_timestamp($3), $4, 'failed', $5)
       ON CONFLICT (id) DO UPDATE SET outcome = 'failed', detail = EXCLUDED.detail
         WHERE stripe_events.outcome NOT IN ('processed', 'ignored')`,
      [event.id, event.type, event.created, event.livemode, detail],
    );
  }
}
