import type { PoolClient, QueryResult, QueryResultRow } from 'pg';
import { INSERT_ACTIVATION_TOKEN } from '../../../apps/wizard/src/activation/activation-tokens';
import { LOCK_GYM, MARK_GYM_PAID } from '../../../apps/wizard/src/gyms/gym-rows';
import { ISSUE_LICENSE } from '../../../apps/wizard/src/licenses/license-issuer';
import { RECORD_CHECKOUT_PAYMENT } from '../../../apps/wizard/src/payments/checkout-payment-sql';
import {
  CLAIM_EVENT,
  COUNT_REDELIVERY,
  FINISH_EVENT,
} from '../../../apps/wizard/src/webhooks/stripe-event-ledger';
import type { PreparedStatement } from '@app/database';
import { ENQUEUE_EMAIL } from '@app/email';

/**
 * The statements the Wizard sends for one paid checkout.session.completed: its own prepared
 * statements, imported from where it defines them, so both servers run the same SQL.
 */
export const CHECKOUT_SQL = {
  begin: 'START TRANSACTION',
  commit: 'COMMIT',
  claimEvent: CLAIM_EVENT,
  countRedelivery: COUNT_REDELIVERY,
  lockGym: LOCK_GYM,
  recordPayment: RECORD_CHECKOUT_PAYMENT,
  markGymPaid: MARK_GYM_PAID,
  upsertLicense: ISSUE_LICENSE,
  insertActivationToken: INSERT_ACTIVATION_TOKEN,
  enqueueEmail: ENQUEUE_EMAIL,
  finishEvent: FINISH_EVENT,
} as const;

/** Prepared on the connection the first time, as the Wizard's `runPrepared` does. */
export function runPrepared<Row extends QueryResultRow>(
  client: PoolClient,
  statement: PreparedStatement,
  values: unknown[],
): Promise<QueryResult<Row>> {
  return client.query<Row>({ name: statement.name, text: statement.text, values });
}
