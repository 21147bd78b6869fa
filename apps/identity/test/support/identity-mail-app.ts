import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { ServiceEnv } from '@app/common';
import {
  FakeMailjetServer,
  integrationRequired,
  type RecordedMailjetRequest,
  type TestDatabase,
  waitForValue,
} from '@app/testing';
import { connect } from 'amqplib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createIdentityApp } from '../../src/bootstrap';
import { testDatabaseOrSkip } from './test-database-or-skip';
import { newSigningKeyPem } from './test-signing-key';

export interface SentEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface IdentityMailApp {
  readonly app: NestFastifyApplication;
  readonly db: DataSource;
  readonly mailjet: FakeMailjetServer;
  http(): ReturnType<typeof request>;
  /** What the real Mailjet SDK sent, as the fake received it. */
  sentEmails(): SentEmail[];
  waitForEmail(to: string, subjectPart: string): Promise<SentEmail>;
  /** Every log line the app wrote (at LOG_LEVEL, silent unless the suite sets it). */
  logLines(): string[];
}

export interface IdentityMailSuite {
  test(name: string, body: (context: IdentityMailApp) => Promise<void>, timeoutMs?: number): void;
}

export const DASHBOARD_URL = 'https://dashboard.gym.example.test';

export const TEST_AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

export type Broker = 'in-process' | 'rabbitmq';

/**
 * Identity as production builds it, on a fresh database of the machine's PostgreSQL, sending
 * email through the real Mailjet SDK to a local fake, with a fast relay; the in-process queue,
 * or the machine's RabbitMQ on a queue of the suite's own.
 */
export function describeIdentityWithMail(
  suite: string,
  define: (suite: IdentityMailSuite) => void,
  env: ServiceEnv = {},
  broker: Broker = 'in-process',
): void {
  describe(suite, () => {
    let context: IdentityMailApp | undefined;
    let cleanup: Array<() => Promise<void>> = [];

    beforeAll(async () => {
      const database: TestDatabase | undefined = await testDatabaseOrSkip(
        suite.replace(/\W+/g, '_').toLowerCase().slice(0, 30),
      );
      if (!database || !(await brokerOrSkip(suite, broker))) {
        await database?.drop();

        return;
      }
      cleanup.push(() => database.drop());

      const mailjet = await FakeMailjetServer.start();
      cleanup.push(() => mailjet.close());

      const logs = new LogLines();
      const app = await createIdentityApp(
        {
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          DATABASE_URL: database.url,
          JWT_PRIVATE_KEY: newSigningKeyPem(),
          EMAIL_PROVIDER: 'mailjet',
          MAILJET_API_KEY: 'test-mailjet-key',
          MAILJET_API_SECRET: 'test-mailjet-secret',
          MAILJET_API_BASE_URL: mailjet.baseUrl,
          OUTBOX_RELAY_INTERVAL_MS: '100',
          EMAIL_BACKOFF_BASE_MS: '50',
          EMAIL_BACKOFF_CAP_MS: '200',
          DASHBOARD_URL,
          PASSWORD_RESET_FREE_ATTEMPTS_PER_ACCOUNT: '1000',
          PASSWORD_RESET_FREE_ATTEMPTS_PER_IP: '100000',
          // Blank is unset: the in-process queue, whatever AMQP_URL the shell has.
          AMQP_URL: broker === 'rabbitmq' ? TEST_AMQP_URL : '',
          // The broker is shared: another suite's workers must not take this suite's emails.
          IDENTITY_EMAIL_QUEUE_NAME: `test.identity.email.${randomBytes(4).toString('hex')}`,
          ...env,
        },
        { logDestination: logs },
      );
      cleanup.unshift(() => app.close());
      await app.init();

      context = {
        app,
        db: app.get(DataSource),
        mailjet,
        http: () => request(app.getHttpServer()),
        sentEmails: () => sentEmailsOf(mailjet),
        waitForEmail: (to, subjectPart) =>
          waitForValue(
            `an email to ${to} about "${subjectPart}"`,
            () =>
              sentEmailsOf(mailjet).find(
                (email) => email.to === to && email.subject.includes(subjectPart),
              ),
            15_000,
          ),
        logLines: () => logs.lines,
      };
    }, 60_000);

    afterAll(async () => {
      for (const step of cleanup) {
        await step();
      }
      cleanup = [];
    });

    define({
      test: (name, body, timeoutMs) =>
        it(
          name,
          async () => {
            if (context) {
              await body(context);
            }
          },
          timeoutMs,
        ),
    });
  });
}

class LogLines extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

/** RabbitMQ down: the suite is skipped, or fails with the reason under REQUIRE_INTEGRATION=1. */
async function brokerOrSkip(suite: string, broker: Broker): Promise<boolean> {
  if (broker === 'in-process') {
    return true;
  }

  const reachable = await connect(TEST_AMQP_URL, { timeout: 3000 }).then(
    async (connection) => {
      await connection.close();

      return true;
    },
    () => false,
  );
  if (reachable) {
    return true;
  }

  const reason = 'the test RabbitMQ (127.0.0.1:5672 or AMQP_URL) is unreachable';
  if (integrationRequired()) {
    throw new Error(`${suite}: ${reason}, and REQUIRE_INTEGRATION=1 asks for it.`);
  }
  process.stderr.write(`Skipping the ${suite} suite: ${reason}.\n`);

  return false;
}

function sentEmailsOf(mailjet: FakeMailjetServer): SentEmail[] {
  return mailjet.requests
    .filter((recorded) => recorded.method === 'POST' && recorded.path === '/v3.1/send')
    .flatMap(messagesOf);
}

function messagesOf(recorded: RecordedMailjetRequest): SentEmail[] {
  const body = recorded.body as {
    Messages?: Array<{
      To: Array<{ Email: string }>;
      Subject: string;
      TextPart: string;
      HTMLPart: string;
    }>;
  };

  return (body.Messages ?? []).map((message) => ({
    to: message.To[0]?.Email ?? '',
    subject: message.Subject,
    text: message.TextPart,
    html: message.HTMLPart,
  }));
}
