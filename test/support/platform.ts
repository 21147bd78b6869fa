import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceEnv } from '@app/common';
import { EMAIL_QUEUE_DEFINITION } from '@app/email';
import { topologyQueueNames, type QueueDefinition } from '@app/queue';
import { connect } from 'amqplib';
import {
  createTestDatabase,
  FakeMailjetServer,
  FakeStripeServer,
  freePort,
  type RecordedMailjetRequest,
  signStripePayload,
  stripeFixture,
  type TestDatabase,
  unixSecondsFromNow,
  waitForValue,
} from '@app/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createIdentityApp } from '../../apps/identity/src/bootstrap';
import { createWizardApp } from '../../apps/wizard/src/bootstrap';

import { LogCapture } from './log-capture';

export type Infrastructure = 'embedded' | 'servers';

export const TEST_AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** Secret values every test platform is configured with: none may ever be printed. */
export interface PlatformSecrets {
  stripeSecretKey: string;
  webhookSecret: string;
  /** Also configured, as while an endpoint secret is rolled. */
  previousWebhookSecret: string;
  mailjetApiKey: string;
  mailjetApiSecret: string;
  jwtPrivateKey: string;
  /** INTERNAL_API_TOKEN of both services: the Wizard's key to Identity's /internal routes. */
  internalApiToken: string;
}

export interface MailjetMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  customId: string;
}

/**
 * Identity and the Wizard as production builds them, on real PostgreSQL (embedded or the
 * machine's server), with the real Stripe and Mailjet SDKs talking to local fakes.
 */
export class TestPlatform {
  /**
   * nestjs-pino keeps one root logger per process (each Jest file has its own), taken by the
   * first app that starts; so every app of a test file writes into this one capture.
   */
  static readonly logs = new LogCapture();

  private readonly firstLogLine = TestPlatform.logs.lines.length;

  private identityApp?: NestFastifyApplication;
  private wizardApp?: NestFastifyApplication;
  private readonly cleanups: Array<() => Promise<void>> = [];

  private constructor(
    readonly infrastructure: Infrastructure,
    readonly secrets: PlatformSecrets,
    readonly stripe: FakeStripeServer,
    readonly mailjet: FakeMailjetServer,
  ) {}

  static async start(
    infrastructure: Infrastructure,
    overrides: { wizard?: ServiceEnv; identity?: ServiceEnv } = {},
  ): Promise<TestPlatform> {
    const platform = new TestPlatform(
      infrastructure,
      newSecrets(),
      await FakeStripeServer.start(),
      await FakeMailjetServer.start(),
    );
    platform.cleanups.push(
      () => platform.stripe.close(),
      () => platform.mailjet.close(),
    );

    try {
      await platform.boot(overrides);
    } catch (error) {
      await platform.stop();
      throw error;
    }

    return platform;
  }

  get wizard(): NestFastifyApplication {
    return this.required(this.wizardApp, 'wizard');
  }

  get identity(): NestFastifyApplication {
    return this.required(this.identityApp, 'identity');
  }

  get wizardHttp() {
    return request(this.wizard.getHttpServer());
  }

  get identityHttp() {
    return request(this.identity.getHttpServer());
  }

  /** What the apps of this platform logged, as JSON lines. */
  get logLines(): string[] {
    return TestPlatform.logs.lines.slice(this.firstLogLine);
  }

  logsContaining(text: string): string[] {
    return this.logLines.filter((line) => line.includes(text));
  }

  async stop(): Promise<void> {
    const emailQueues = [this.wizardApp, this.identityApp].flatMap((app) =>
      app ? [app.get<QueueDefinition>(EMAIL_QUEUE_DEFINITION)] : [],
    );
    await this.wizardApp?.close();
    await this.identityApp?.close();
    for (const cleanup of this.cleanups.reverse()) {
      await cleanup();
    }
    if (this.infrastructure === 'servers') {
      await deleteQueues(emailQueues.flatMap((queue) => topologyQueueNames(queue)));
    }
  }

  /** Registers a user and logs in: the bearer token the dashboard would hold. */
  async signUp(email = `owner-${randomBytes(4).toString('hex')}@gym.example.test`) {
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const registered = await this.identityHttp
      .post('/auth/register')
      .send({ email, password, name: 'Gym Owner' })
      .expect(201);
    const login = await this.identityHttp.post('/auth/login').send({ email, password }).expect(200);

    return {
      id: registered.body.id as string,
      email,
      token: login.body.accessToken as string,
    };
  }

  /** An owner with a gym whose Stripe Checkout has started: what a webhook then completes. */
  async gymAwaitingPayment() {
    const owner = await this.signUp();
    const auth = { authorization: `Bearer ${owner.token}` };
    const gym = await this.wizardHttp
      .post('/gyms')
      .set(auth)
      .send({ name: `Gym ${randomBytes(3).toString('hex')}`, planId: 'studio_monthly' })
      .expect(201);
    const checkout = await this.wizardHttp
      .post(`/gyms/${gym.body.id}/checkout`)
      .set(auth)
      .expect(201);

    return {
      owner,
      auth,
      gymId: gym.body.id as string,
      sessionId: checkout.body.sessionId as string,
    };
  }

  /** A fixture event about this gym's checkout session, with a fresh id and time. */
  checkoutEvent(gymId: string, sessionId: string, fixture = 'checkout.session.completed.paid') {
    return stripeFixture(fixture, {
      eventId: `evt_${randomBytes(8).toString('hex')}`,
      gymId,
      objectId: sessionId,
      created: unixSecondsFromNow(),
    });
  }

  /** A platform admin, made the way the admin command makes one: the role set in Identity. */
  async signUpAdmin() {
    const email = `admin-${randomBytes(4).toString('hex')}@platform.example.test`;
    const password = `pw-${randomBytes(8).toString('hex')}`;
    await this.identityHttp
      .post('/auth/register')
      .send({ email, password, name: 'Admin' })
      .expect(201);
    await this.identity
      .get(DataSource)
      .query(`UPDATE users SET roles = '{platform_admin}' WHERE email_normalized = $1`, [email]);
    const login = await this.identityHttp.post('/auth/login').send({ email, password }).expect(200);

    return { email, token: login.body.accessToken as string };
  }

  /** Delivers an event to the webhook the way Stripe does: signed over the exact bytes. */
  deliver(event: unknown, secret = this.secrets.webhookSecret) {
    const payload = JSON.stringify(event);

    return this.wizardHttp
      .post('/webhooks/stripe')
      .set('content-type', 'application/json')
      .set('stripe-signature', signStripePayload(payload, secret))
      .send(payload);
  }

  /** Emails the real Mailjet SDK sent, as Mailjet received them. */
  sentEmails(): MailjetMessage[] {
    return this.mailjet.requests
      .filter((recorded) => recorded.method === 'POST' && recorded.path === '/v3.1/send')
      .flatMap((recorded) => messagesOf(recorded));
  }

  waitForEmail(to: string, subjectPart: string, timeoutMs = 15_000): Promise<MailjetMessage> {
    return waitForValue(
      `an email to ${to} about "${subjectPart}"`,
      () =>
        this.sentEmails().find(
          (message) => message.to === to && message.subject.includes(subjectPart),
        ),
      timeoutMs,
    );
  }

  /** Another copy of the Wizard on the same database and queue, as behind a load balancer. */
  async startWizardCopy(): Promise<NestFastifyApplication> {
    const copy = await createWizardApp(this.wizardCopyEnv, { logDestination: TestPlatform.logs });
    await copy.listen(0, '127.0.0.1');
    this.cleanups.push(() => copy.close());

    return copy;
  }

  private wizardCopyEnv: ServiceEnv = {};

  /** The Wizard's environment, for a command (such as the replay CLI) run beside it. */
  get wizardServiceEnv(): ServiceEnv {
    return this.wizardCopyEnv;
  }

  private identityBootEnv: ServiceEnv = {};

  private stoppedIdentityPort?: number;

  /** Takes Identity down (an outage, a deploy); `restartIdentity` brings it back on its port. */
  async stopIdentity(): Promise<void> {
    this.stoppedIdentityPort = (this.identity.getHttpServer().address() as { port: number }).port;
    await this.identity.close();
    this.identityApp = undefined;
  }

  async restartIdentity(): Promise<void> {
    const port = this.stoppedIdentityPort;
    if (port === undefined) {
      throw new Error('Call stopIdentity() before restartIdentity()');
    }

    this.identityApp = await createIdentityApp(this.identityBootEnv, {
      logDestination: TestPlatform.logs,
    });
    await this.identityApp.listen(port, '127.0.0.1');
  }

  private async boot(overrides: { wizard?: ServiceEnv; identity?: ServiceEnv }): Promise<void> {
    const identityEnv = { ...(await this.databaseEnv('identity')), ...this.identityEnv() };
    this.identityBootEnv = { ...identityEnv, ...overrides.identity };
    this.identityApp = await createIdentityApp(this.identityBootEnv, {
      logDestination: TestPlatform.logs,
    });
    await this.identityApp.listen(0, '127.0.0.1');

    const wizardEnv = { ...(await this.databaseEnv('wizard')), ...this.wizardEnv() };
    this.wizardCopyEnv = { ...wizardEnv, ...overrides.wizard };
    this.wizardApp = await createWizardApp(this.wizardCopyEnv, {
      logDestination: TestPlatform.logs,
    });
    await this.wizardApp.listen(0, '127.0.0.1');
  }

  private async databaseEnv(service: string): Promise<ServiceEnv> {
    if (this.infrastructure === 'servers') {
      const database: TestDatabase = await createTestDatabase(service);
      this.cleanups.push(() => database.drop());

      return { DATABASE_URL: database.url, AMQP_URL: TEST_AMQP_URL };
    }

    const dataDir = await mkdtemp(join(tmpdir(), `${service}-pg-`));
    this.cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    return { EMBEDDED_DB_DIR: dataDir, EMBEDDED_DB_PORT: String(await freePort()) };
  }

  private identityEnv(): ServiceEnv {
    return {
      NODE_ENV: 'test',
      LOG_LEVEL: 'debug',
      JWT_PRIVATE_KEY: this.secrets.jwtPrivateKey,
      INTERNAL_API_TOKEN: this.secrets.internalApiToken,
      // The broker is shared: another suite's workers must not take this platform's emails.
      IDENTITY_EMAIL_QUEUE_NAME: `test.identity.email.${randomBytes(4).toString('hex')}`,
    };
  }

  private wizardEnv(): ServiceEnv {
    return {
      NODE_ENV: 'test',
      LOG_LEVEL: 'debug',
      IDENTITY_URL: this.urlOf(this.identity),
      STRIPE_SECRET_KEY: this.secrets.stripeSecretKey,
      STRIPE_WEBHOOK_SECRET: `${this.secrets.previousWebhookSecret},${this.secrets.webhookSecret}`,
      STRIPE_API_BASE_URL: this.stripe.baseUrl,
      EMAIL_PROVIDER: 'mailjet',
      MAILJET_API_KEY: this.secrets.mailjetApiKey,
      MAILJET_API_SECRET: this.secrets.mailjetApiSecret,
      MAILJET_API_BASE_URL: this.mailjet.baseUrl,
      DASHBOARD_URL: 'https://dashboard.gym.example.test',
      OUTBOX_RELAY_INTERVAL_MS: '100',
      // The broker is shared: another suite's workers must not take this platform's emails.
      EMAIL_QUEUE_NAME: `test.wizard.email.${randomBytes(4).toString('hex')}`,
      EMAIL_BACKOFF_BASE_MS: '50',
      EMAIL_BACKOFF_CAP_MS: '400',
      EMAIL_TIMEOUT_MS: '500',
      EMAIL_TIMEOUT_RETRY_DELAY_MS: '100',
      INTERNAL_API_TOKEN: this.secrets.internalApiToken,
      IDENTITY_SYNC_INTERVAL_MS: '100',
      IDENTITY_SYNC_TIMEOUT_MS: '1000',
      IDENTITY_SYNC_BACKOFF_BASE_MS: '50',
      IDENTITY_SYNC_BACKOFF_CAP_MS: '400',
    };
  }

  private urlOf(app: NestFastifyApplication): string {
    const address = app.getHttpServer().address() as { port: number };

    return `http://127.0.0.1:${address.port}`;
  }

  private required<T>(value: T | undefined, name: string): T {
    if (!value) {
      throw new Error(`The ${name} app has not started`);
    }

    return value;
  }
}

async function deleteQueues(names: string[]): Promise<void> {
  const connection = await connect(TEST_AMQP_URL);
  const channel = await connection.createChannel();
  for (const name of names) {
    await channel.deleteQueue(name);
  }
  await connection.close();
}

function newSecrets(): PlatformSecrets {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  return {
    stripeSecretKey: `sk_test_${randomBytes(16).toString('hex')}`,
    webhookSecret: `whsec_${randomBytes(16).toString('hex')}`,
    previousWebhookSecret: `whsec_${randomBytes(16).toString('hex')}`,
    mailjetApiKey: randomBytes(16).toString('hex'),
    mailjetApiSecret: randomBytes(16).toString('hex'),
    jwtPrivateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    internalApiToken: randomBytes(32).toString('hex'),
  };
}

function messagesOf(recorded: RecordedMailjetRequest): MailjetMessage[] {
  const body = recorded.body as {
    Messages?: Array<{
      To: Array<{ Email: string }>;
      Subject: string;
      TextPart: string;
      HTMLPart: string;
      CustomID: string;
    }>;
  };

  return (body.Messages ?? []).map((message) => ({
    to: message.To[0]?.Email ?? '',
    subject: message.Subject,
    text: message.TextPart,
    html: message.HTMLPart,
    customId: message.CustomID,
  }));
}
