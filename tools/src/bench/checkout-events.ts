import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stripeSignature } from './stripe-signature';

/** One request ready to send: the exact bytes and the header that signs them. */
export interface WebhookDelivery {
  body: Buffer;
  signature: string;
}

export type StripeEventTemplate = {
  id: string;
  created: number;
  data: { object: Record<string, unknown> & { metadata?: Record<string, string> } };
} & Record<string, unknown>;

const FIXTURE = 'checkout.session.completed.paid.json';

/** The shared fixture when the checkout has it beside the repo, else the same shape, trimmed. */
export function loadCheckoutTemplate(repoRoot: string): {
  template: StripeEventTemplate;
  source: string;
} {
  const path = resolve(repoRoot, '..', 'shared', 'fixtures', 'stripe', FIXTURE);
  if (existsSync(path)) {
    return {
      template: JSON.parse(readFileSync(path, 'utf8')) as StripeEventTemplate,
      source: path,
    };
  }

  return { template: minimalCheckoutCompleted(), source: 'built-in minimal event' };
}

/** Each event pays for its own gym, with ids no other run or event uses. */
export function checkoutCompletedFor(
  template: StripeEventTemplate,
  gymId: string,
  uniqueSuffix: string,
): Buffer {
  const event = structuredClone(template);
  const session = event.data.object;
  event.id = `evt_bench_${uniqueSuffix}`;
  event.created = Math.floor(Date.now() / 1000);
  session.id = `cs_bench_${uniqueSuffix}`;
  session.client_reference_id = gymId;
  session.metadata = { ...session.metadata, gym_id: gymId };
  session.customer = `cus_bench_${uniqueSuffix}`;
  session.subscription = `sub_bench_${uniqueSuffix}`;
  session.invoice = `in_bench_${uniqueSuffix}`;
  session.payment_status = 'paid';

  return Buffer.from(JSON.stringify(event));
}

/** Signed now, so that every signature is fresh when its phase starts. */
export function signAll(bodies: Buffer[], secret: string): WebhookDelivery[] {
  const timestamp = Math.floor(Date.now() / 1000);

  return bodies.map((body) => ({ body, signature: stripeSignature(body, secret, timestamp) }));
}

function minimalCheckoutCompleted(): StripeEventTemplate {
  return {
    id: 'evt_template',
    object: 'event',
    api_version: '2026-07-29.dahlia',
    created: 0,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'checkout.session.completed',
    data: {
      object: {
        id: 'cs_template',
        object: 'checkout.session',
        amount_subtotal: 4900,
        amount_total: 4900,
        currency: 'eur',
        customer: 'cus_template',
        customer_details: { email: 'owner@gym.example.test', name: 'Test Gym Owner' },
        invoice: 'in_template',
        livemode: false,
        metadata: { gym_id: 'gym_0001', plan: 'studio_monthly' },
        mode: 'subscription',
        payment_intent: null,
        payment_status: 'paid',
        status: 'complete',
        subscription: 'sub_template',
      },
    },
  };
}
