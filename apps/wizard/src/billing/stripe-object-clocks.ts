import type { PaymentEvent } from '@app/payments';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * subscription: its plan, period and cancellation, as customer.subscription.* carry them;
 * billing_status: whether the gym is paid up, which invoice events set too.
 */
export type ClockAspect = 'subscription' | 'billing_status';

/** Stripe does not keep order: each aspect of an object remembers the newest event applied. */
@Injectable()
export class StripeObjectClocks {
  /**
   * True when `event` is not older than the last one applied to this aspect; it is then the
   * last one. The row lock serialises concurrent events about the same object.
   */
  async advance(
    manager: EntityManager,
    objectId: string,
    aspect: ClockAspect,
    event: PaymentEvent,
  ): Promise<boolean> {
    const advanced: unknown[] = await manager.query(
      `INSERT INTO stripe_object_clocks (object_id, aspect, event_created, event_id)
       VALUES ($1, $2, to_timestamp($3), $4)
       ON CONFLICT (object_id, aspect) DO UPDATE
         SET event_created = EXCLUDED.event_created, event_id = EXCLUDED.event_id,
             updated_at = now()
         WHERE stripe_object_clocks.event_created <= EXCLUDED.event_created
       RETURNING object_id`,
      [objectId, aspect, event.created, event.id],
    );

    return advanced.length > 0;
  }
}
