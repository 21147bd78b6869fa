import { preparedStatement } from '@app/database';

/**
 * A checkout's payment: the row invoice.paid may have written first gets the session, else a new
 * row. One statement, so that it shares a round trip with the other writes of the checkout.
 * Parameters: gym, session, invoice, payment intent, amount, currency, status.
 */
export const RECORD_CHECKOUT_PAYMENT = preparedStatement(
  'payments.record_checkout',
  `
  WITH attached AS (
    UPDATE payments SET checkout_session_id = $2, updated_at = now()
     WHERE gym_id = $1 AND stripe_invoice_id = $3 AND checkout_session_id IS NULL
    RETURNING id
  )
  INSERT INTO payments
    (gym_id, checkout_session_id, stripe_invoice_id, stripe_payment_intent_id,
     amount, currency, status)
  SELECT $1::uuid, $2::text, $3::text, $4::text, $5::integer, $6::text, $7::text
   WHERE NOT EXISTS (SELECT 1 FROM attached)
  ON CONFLICT (checkout_session_id) DO UPDATE
    SET status = EXCLUDED.status,
        stripe_invoice_id = COALESCE(EXCLUDED.stripe_invoice_id, payments.stripe_invoice_id),
        updated_at = now()
    WHERE payments.status IN ('pending', 'failed')`,
);
