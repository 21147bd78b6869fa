import { RECORD_CHECKOUT_PAYMENT } from '../../../apps/wizard/src/payments/checkout-payment-sql';

/**
 * The statements the Wizard sends for one paid checkout.session.completed, in its order: the
 * payment's from checkout-payment-sql.ts, the others copied from stripe-event-ledger.ts,
 * gym-rows.ts, license-issuer.ts, activation-tokens.ts and email-outbox.ts (the run's SQL check
 * says when they drift).
 */
export const CHECKOUT_SQL = {
  begin: 'START TRANSACTION',
  commit: 'COMMIT',
  rollback: 'ROLLBACK',

  claimEvent: `INSERT INTO stripe_events (id, type, created, livemode, outcome, processed_at)
       VALUES ($1, $2, to_timestamp($3), $4, 'processed', now())
       ON CONFLICT (id) DO UPDATE
         SET outcome = 'processed', detail = NULL, processed_at = now(),
             deliveries = stripe_events.deliveries + 1
         WHERE stripe_events.outcome = 'failed'
       RETURNING id`,

  countRedelivery: 'UPDATE stripe_events SET deliveries = deliveries + 1 WHERE id = $1',

  lockGym: 'SELECT * FROM gyms WHERE id = $1 FOR UPDATE',

  recordPayment: RECORD_CHECKOUT_PAYMENT,

  markGymPaid: `UPDATE gyms SET status = 'paid', checkout_session_id = $2, stripe_customer_id = $3,
            stripe_subscription_id = $4, updated_at = now()
      WHERE id = $1`,

  upsertLicense: `INSERT INTO licenses (gym_id, plan_id, limits, status, valid_until)
       VALUES ($1, $2, $3, 'active', $4)
       ON CONFLICT (gym_id) DO UPDATE
         SET plan_id = EXCLUDED.plan_id, limits = EXCLUDED.limits, status = EXCLUDED.status,
             valid_until = EXCLUDED.valid_until, updated_at = now()`,

  insertActivationToken:
    'INSERT INTO activation_tokens (id, gym_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)',

  enqueueEmail: `INSERT INTO email_outbox (template, to_address, data, idempotency_key, gym_id)
       VALUES ($1, $2, $3::jsonb, $4, $5)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,

  finishEvent: `UPDATE stripe_events SET outcome = $2, detail = $3, processed_at = now() WHERE id = $1`,
} as const;
