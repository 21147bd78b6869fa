import { randomBytes } from 'node:crypto';
import { FakeStripeServer, signStripePayload } from '@app/testing';
import { ServiceProcess, waitUntilHealthy } from './service-process';

/**
 * `npm run demo`: both services on their embedded defaults (no PostgreSQL, RabbitMQ or provider
 * account needed), a local Stripe stand-in, and the main flow walked through step by step.
 */
// DEMO_WIZARD_PORT and DEMO_IDENTITY_PORT move the demo off ports that are taken.
const WIZARD_PORT = process.env.DEMO_WIZARD_PORT ?? '3006';
const IDENTITY_PORT = process.env.DEMO_IDENTITY_PORT ?? '3007';
const WIZARD = `http://127.0.0.1:${WIZARD_PORT}`;
const IDENTITY = `http://127.0.0.1:${IDENTITY_PORT}`;

async function main(): Promise<void> {
  const stripe = await FakeStripeServer.start();
  const webhookSecret = `whsec_demo${randomBytes(16).toString('hex')}`;
  const common = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    // The Wizard tells Identity who owns an activated gym with this shared token.
    INTERNAL_API_TOKEN: randomBytes(32).toString('hex'),
  };

  step(
    `Starting Identity (${IDENTITY_PORT}) and the Wizard (${WIZARD_PORT}) on embedded PostgreSQL`,
  );
  // The ports the demo talks to, whatever a .env.<service> file says.
  const identity = new ServiceProcess('identity', { ...common, PORT: IDENTITY_PORT });
  const wizard = new ServiceProcess('wizard', {
    ...common,
    PORT: WIZARD_PORT,
    IDENTITY_URL: IDENTITY,
    STRIPE_SECRET_KEY: `sk_test_demo${randomBytes(12).toString('hex')}`,
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_API_BASE_URL: stripe.baseUrl,
    EMAIL_PROVIDER: 'console',
  });
  const stopAll = async () => {
    await Promise.all([wizard.stop(), identity.stop()]);
    await stripe.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopAll().then(() => process.exit(0)));
  }

  try {
    await Promise.all([waitUntilHealthy(identity, IDENTITY), waitUntilHealthy(wizard, WIZARD)]);
    await walkThroughMainFlow(wizard, webhookSecret);
  } catch (error) {
    await stopAll();
    throw error;
  }

  step('Done. Both services keep running; Ctrl-C stops them.');
  console.log(`  API docs: ${WIZARD}/docs and ${IDENTITY}/docs`);
}

async function walkThroughMainFlow(wizard: ServiceProcess, webhookSecret: string): Promise<void> {
  const email = `owner-${randomBytes(3).toString('hex')}@gym.example.test`;
  const password = `demo-${randomBytes(8).toString('hex')}`;

  step(`Registering ${email} at Identity and logging in`);
  await call(IDENTITY, 'POST', '/auth/register', { email, password, name: 'Demo Owner' });
  const { accessToken } = await call(IDENTITY, 'POST', '/auth/login', { email, password });
  const auth = { authorization: `Bearer ${accessToken}` };

  const [plan] = (await call(WIZARD, 'GET', '/plans')) as unknown as Answer[];
  step(`Creating a gym on the plan "${plan.name}" (${plan.amount / 100} ${plan.currency})`);
  const gym = await call(WIZARD, 'POST', '/gyms', { name: 'Demo Iron Gym', planId: plan.id }, auth);
  show(gym);

  step('Starting a Stripe Checkout (the local Stripe stand-in answers)');
  const checkout = await call(WIZARD, 'POST', `/gyms/${gym.id}/checkout`, {}, auth);
  show(checkout);

  step('Stripe reports the payment: a signed checkout.session.completed event');
  const event = checkoutCompleted(gym.id, checkout.sessionId, plan);
  const payload = JSON.stringify(event);
  show(await post(WIZARD, '/webhooks/stripe', payload, signStripePayload(payload, webhookSecret)));
  show(await call(WIZARD, 'GET', `/gyms/${gym.id}`, undefined, auth));

  step('The activation email went through the outbox to the console:');
  const activation = await emailAbout(wizard, 'Subject: Activate');
  console.log(indent(activation));
  const token = /activate\?token=([\w-]+)/.exec(activation)?.[1] ?? '';

  step('The owner opens the link: POST /activation');
  show(await call(WIZARD, 'POST', '/activation', { token }));

  step(
    "Identity learns who owns the gym (the Wizard's sync, retried until it lands): GET /me/gyms",
  );
  show(await ownerMembership(auth));

  step('The welcome email:');
  console.log(indent(await emailAbout(wizard, 'Subject: Welcome')));
  show(await call(WIZARD, 'GET', `/gyms/${gym.id}`, undefined, auth));
}

function checkoutCompleted(gymId: string, sessionId: string, plan: Answer) {
  const now = Math.floor(Date.now() / 1000);

  return {
    id: `evt_demo_${randomBytes(8).toString('hex')}`,
    object: 'event',
    type: 'checkout.session.completed',
    created: now,
    livemode: false,
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        mode: 'subscription',
        payment_status: 'paid',
        status: 'complete',
        amount_total: plan.amount,
        currency: plan.currency,
        client_reference_id: gymId,
        metadata: { gym_id: gymId, plan: plan.id },
        customer: `cus_demo${randomBytes(4).toString('hex')}`,
        subscription: `sub_demo${randomBytes(4).toString('hex')}`,
        invoice: `in_demo${randomBytes(4).toString('hex')}`,
        payment_intent: null,
      },
    },
  };
}

async function ownerMembership(auth: Record<string, string>): Promise<unknown> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const gyms = (await call(IDENTITY, 'GET', '/me/gyms', undefined, auth)) as unknown as unknown[];
    if (gyms.length > 0) {
      return gyms;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  throw new Error('Identity did not learn the owner within 15 s');
}

async function emailAbout(wizard: ServiceProcess, marker: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = wizard.messages().find((message) => message.includes(marker));
    if (found) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  throw new Error(`No email with "${marker}" was printed within 15 s`);
}

// The demo reads the answers as the contract documents them; /docs has their schemas.
type Answer = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers = {},
): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as Answer;
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
  }

  return answer;
}

async function post(
  base: string,
  path: string,
  payload: string,
  signature: string,
): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });

  return response.json();
}

function step(text: string): void {
  console.log(`\n▶ ${text}`);
}

function show(value: unknown): void {
  console.log(indent(JSON.stringify(value, null, 2)));
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

main().catch((error: unknown) => {
  console.error(`\nThe demo stopped: ${(error as Error).message}`);
  process.exit(1);
});
