import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DEFAULT_PLANS, type Plan } from '../../../apps/wizard/src/config/plans';
import { CHECKOUT_ALLOWED, type GymStatus } from '../../../apps/wizard/src/gyms/gym-status';
import { periodEnd } from '../../../apps/wizard/src/licenses/license-issuer';
import { CHECKOUT_SQL as SQL, runPrepared } from './checkout-sql';

export type CeilingOutcome = 'processed' | 'ignored' | 'duplicate';

/** The fields of a Stripe event this handler reads. */
export interface CheckoutEvent {
  id: string;
  type: string;
  created: number;
  livemode: boolean;
  data: { object: CheckoutSession };
}

interface CheckoutSession {
  id: string;
  payment_status?: string;
  client_reference_id?: string | null;
  metadata?: Record<string, string> | null;
  customer?: string | null;
  subscription?: string | null;
  invoice?: string | null;
  payment_intent?: string | null;
  amount_total?: number | null;
  currency?: string | null;
}

interface LockedGym {
  id: string;
  name: string;
  plan_id: string;
  owner_email: string;
  status: GymStatus;
}

// The Wizard's defaults for ACTIVATION_TOKEN_TTL_HOURS and DASHBOARD_URL.
const ACTIVATION_TTL_MS = 168 * 3_600_000;
const DASHBOARD_URL = 'http://localhost:3000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Wizard's webhook transaction without the framework: the same statements, in order. */
export async function fulfilCheckout(pool: Pool, event: CheckoutEvent): Promise<CeilingOutcome> {
  const client = await pool.connect();
  try {
    await client.query(SQL.begin);
    const outcome = await recordAndApply(client, event);
    await client.query(SQL.commit);
    client.release();

    return outcome;
  } catch (error) {
    // A client whose transaction state is unknown is closed rather than reused.
    client.release(error as Error);
    throw error;
  }
}

async function recordAndApply(client: PoolClient, event: CheckoutEvent): Promise<CeilingOutcome> {
  const claimed = await runPrepared(client, SQL.claimEvent, [
    event.id,
    event.type,
    event.created,
    event.livemode,
  ]);
  if (claimed.rowCount === 0) {
    await runPrepared(client, SQL.countRedelivery, [event.id]);

    return 'duplicate';
  }

  // The claim wrote `processed`; only an ignored event needs the row corrected.
  const detail = await applyPaidCheckout(client, event);
  if (detail === undefined) {
    return 'processed';
  }
  await runPrepared(client, SQL.finishEvent, [event.id, 'ignored', detail]);

  return 'ignored';
}

/** Undefined when the payment was applied; otherwise why it was ignored. */
async function applyPaidCheckout(
  client: PoolClient,
  event: CheckoutEvent,
): Promise<string | undefined> {
  const session = event.data.object;
  if (event.type !== 'checkout.session.completed' || session.payment_status !== 'paid') {
    return 'the ceiling handles paid checkout.session.completed only';
  }
  const gymId = session.metadata?.gym_id ?? session.client_reference_id;
  if (!gymId || !UUID.test(gymId)) {
    return 'the checkout session carries no gym id (metadata.gym_id)';
  }

  const { rows } = await runPrepared<LockedGym>(client, SQL.lockGym, [gymId]);
  const gym = rows[0];
  if (!gym) {
    return `there is no gym ${gymId}`;
  }
  if (!CHECKOUT_ALLOWED.includes(gym.status)) {
    return `gym ${gymId} is already ${gym.status}`;
  }

  await fulfilPaidCheckout(client, gym, session, new Date(event.created * 1000));

  return undefined;
}

/** The Wizard's independent writes, started together like its Promise.all on a pipelined pool. */
async function fulfilPaidCheckout(
  client: PoolClient,
  gym: LockedGym,
  session: CheckoutSession,
  paidAt: Date,
): Promise<void> {
  const plan = planOf(gym.plan_id);
  const token = {
    id: randomUUID(),
    secret: randomBytes(32).toString('base64url'),
    expiresAt: new Date(Date.now() + ACTIVATION_TTL_MS),
  };
  const activationUrl = `${DASHBOARD_URL}/activate?token=${encodeURIComponent(token.secret)}`;
  const emailData = {
    gymName: gym.name,
    activationUrl,
    expiresAt: token.expiresAt.toISOString(),
  };

  await Promise.all([
    runPrepared(client, SQL.recordPayment, [
      gym.id,
      session.id,
      session.invoice ?? null,
      session.payment_intent ?? null,
      session.amount_total ?? 0,
      session.currency ?? 'eur',
      'paid',
    ]),
    runPrepared(client, SQL.markGymPaid, [
      gym.id,
      session.id,
      session.customer ?? null,
      session.subscription ?? null,
    ]),
    runPrepared(client, SQL.upsertLicense, [
      gym.id,
      plan.id,
      JSON.stringify(plan.limits),
      periodEnd(paidAt, plan.interval),
    ]),
    runPrepared(client, SQL.insertActivationToken, [
      token.id,
      gym.id,
      createHash('sha256').update(token.secret).digest('hex'),
      token.expiresAt,
    ]),
    runPrepared(client, SQL.enqueueEmail, [
      'activation',
      gym.owner_email,
      JSON.stringify(emailData),
      `activation:${gym.id}:${token.id}`,
      gym.id,
    ]),
  ]);
}

function planOf(planId: string): Plan {
  const plan = DEFAULT_PLANS.find((candidate) => candidate.id === planId);
  if (!plan) {
    throw new Error(`There is no plan "${planId}"`);
  }

  return plan;
}
