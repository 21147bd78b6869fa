import { entityFromRow, preparedStatement, runPrepared } from '@app/database';
import type { EntityManager } from 'typeorm';
import { Gym } from './gym.entity';

/**
 * The gym statements of the webhook path, prepared: the query builder cost more CPU per event
 * than the rest of the transaction (measured with `npm run bench:webhook`).
 */

// Named, not `*`: a prepared `*` fails once a migration adds a column while this copy runs.
export const GYM_COLUMNS = [
  'id',
  'name',
  'plan_id',
  'owner_id',
  'owner_email',
  'status',
  'stripe_customer_id',
  'stripe_subscription_id',
  'checkout_session_id',
  'activated_at',
  'created_at',
  'updated_at',
] as const;

export const LOCK_GYM = preparedStatement(
  'gyms.lock',
  `SELECT ${GYM_COLUMNS.join(', ')} FROM gyms WHERE id = $1 FOR UPDATE`,
);

/** Parameters: gym, checkout session, Stripe customer, Stripe subscription. */
export const MARK_GYM_PAID = preparedStatement(
  'gyms.mark_paid',
  `UPDATE gyms SET status = 'paid', checkout_session_id = $2, stripe_customer_id = $3,
            stripe_subscription_id = $4, updated_at = now()
      WHERE id = $1`,
);

export async function lockGym(manager: EntityManager, gymId: string): Promise<Gym | null> {
  const [row] = await runPrepared<Record<string, unknown>>(manager, LOCK_GYM, [gymId]);

  return row ? entityFromRow(manager, Gym, row) : null;
}

export async function markGymPaid(
  manager: EntityManager,
  gymId: string,
  stripe: { checkoutSessionId: string; customerId: string | null; subscriptionId: string | null },
): Promise<void> {
  await runPrepared(manager, MARK_GYM_PAID, [
    gymId,
    stripe.checkoutSessionId,
    stripe.customerId,
    stripe.subscriptionId,
  ]);
}
