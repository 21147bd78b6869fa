import { entityFromRow } from '@app/database';
import type { EntityManager } from 'typeorm';
import { Gym } from './gym.entity';

/**
 * The gym statements of the webhook path, in plain SQL: the query builder cost more CPU per
 * event than the rest of the transaction (measured with `npm run bench:webhook`).
 */
export async function lockGym(manager: EntityManager, gymId: string): Promise<Gym | null> {
  const [row]: Array<Record<string, unknown>> = await manager.query(
    'SELECT * FROM gyms WHERE id = $1 FOR UPDATE',
    [gymId],
  );

  return row ? entityFromRow(manager, Gym, row) : null;
}

export async function markGymPaid(
  manager: EntityManager,
  gymId: string,
  stripe: { checkoutSessionId: string; customerId: string | null; subscriptionId: string | null },
): Promise<void> {
  await manager.query(
    `UPDATE gyms SET status = 'paid', checkout_session_id = $2, stripe_customer_id = $3,
            stripe_subscription_id = $4, updated_at = now()
      WHERE id = $1`,
    [gymId, stripe.checkoutSessionId, stripe.customerId, stripe.subscriptionId],
  );
}
