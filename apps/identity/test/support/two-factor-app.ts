import type { ServiceEnv } from '@app/common';
import { FakeTwilioServer } from '@app/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { createIdentityApp } from '../../src/bootstrap';
import { newAccount, signUp } from './accounts';
import { describeIdentityApp, type IdentityTestApp } from './identity-test-app';

export const TWILIO_ACCOUNT_SID = `AC${'5e'.repeat(16)}`;
export const TWILIO_AUTH_TOKEN = 'twilio-e2e-auth-token-3f9c2b7d1a';
export const TWILIO_PHONE_NUMBER = '+4915700000001';

export interface TwoFactorTestApp extends IdentityTestApp {
  /** The stand-in for api.twilio.com that the real twilio SDK in the service talks to. */
  readonly twilio: FakeTwilioServer;
  /** Boots another copy of the service on the same database and fake (several copies behind a balancer). */
  startCopy(): Promise<NestFastifyApplication>;
}

export interface TwoFactorTestSuite {
  test(name: string, body: (context: TwoFactorTestApp) => Promise<void>): void;
}

/**
 * Identity as production boots it, with SMS_PROVIDER=twilio and TWILIO_API_BASE_URL on a fake
 * Twilio on 127.0.0.1, started before the service (the env object is read in its beforeAll).
 * TRUST_PROXY=loopback, so tests name the client's IP with X-Forwarded-For.
 */
export function describeTwoFactorApp(
  suite: string,
  define: (suite: TwoFactorTestSuite) => void,
  env: ServiceEnv = {},
): void {
  describe(suite, () => {
    let twilio: FakeTwilioServer | undefined;
    const appEnv: ServiceEnv = {
      LOG_LEVEL: 'info',
      TRUST_PROXY: 'loopback',
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN,
      TWILIO_PHONE_NUMBER,
      TWILIO_TIMEOUT_MS: '2000',
      ...env,
    };

    beforeAll(async () => {
      twilio = await FakeTwilioServer.start();
      appEnv.TWILIO_API_BASE_URL = twilio.baseUrl;
    });

    afterAll(() => twilio?.close());

    describeIdentityApp(
      suite,
      ({ test }) =>
        define({
          test: (name, body) =>
            test(name, (context) => {
              // Each test starts with no recorded messages and no scripted answers left over.
              twilio?.reset();

              const startCopy = async () => {
                const copy = await createIdentityApp({
                  NODE_ENV: 'test',
                  LOG_LEVEL: 'silent',
                  DATABASE_URL: context.database.url,
                  JWT_PRIVATE_KEY: context.signingKeyPem,
                  ...appEnv,
                });
                await copy.init();

                return copy;
              };

              return body({ ...context, twilio: twilio as FakeTwilioServer, startCopy });
            }),
        }),
      appEnv,
    );
  });
}

/** The code in the newest SMS to this number (E.164); fails when none came. */
export function lastCodeTo(context: TwoFactorTestApp, phone: string): string {
  const bodies = context.twilio.messagesTo(phone);
  const code = /\b(\d{6})\b/.exec(bodies[bodies.length - 1] ?? '')?.[1];
  if (!code) {
    throw new Error(`No code was sent to ${phone}`);
  }

  return code;
}

/** A 6-digit code that is not `code`. */
export function otherThan(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

/** An account with SMS 2FA on for `phone` (E.164), enabled through the API. */
export async function signUpWithTwoFactor(context: TwoFactorTestApp, phone: string) {
  const account = await signUp(context, newAccount());
  await context
    .http()
    .post('/me/2fa/sms')
    .auth(account.accessToken, { type: 'bearer' })
    .send({ phone })
    .expect(202);
  await context
    .http()
    .post('/me/2fa/sms/confirm')
    .auth(account.accessToken, { type: 'bearer' })
    .send({ code: lastCodeTo(context, phone) })
    .expect(200);

  return account;
}

/** Runs SQL on the suite's database, e.g. to move a code's expiry into the past. */
export async function sql(context: IdentityTestApp, text: string, values: unknown[] = []) {
  const client = new Client({ connectionString: context.database.url });
  await client.connect();

  try {
    return (await client.query(text, values)).rows as Array<Record<string, unknown>>;
  } finally {
    await client.end();
  }
}
