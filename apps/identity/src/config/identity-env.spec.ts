import { generateKeyPairSync } from 'node:crypto';
import { ConfigValidationError } from '@app/common';
import { validateIdentityEnv } from './identity-env';

function pemOf(type: 'ec' | 'rsa'): string {
  const { privateKey } =
    type === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });

  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function problemsOf(env: Record<string, string>): string {
  try {
    validateIdentityEnv(env);
  } catch (error: unknown) {
    if (error instanceof ConfigValidationError) {
      return error.message;
    }
    throw error;
  }

  throw new Error('The environment was accepted');
}

describe('validateIdentityEnv', () => {
  it('fills in the documented defaults', () => {
    expect(validateIdentityEnv({})).toEqual({
      NODE_ENV: 'development',
      PORT: 3007,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      DATABASE_POOL_SIZE: 10,
      EMBEDDED_DB_DIR: '.data/identity-postgres',
      EMBEDDED_DB_PORT: 54307,
      JWT_KEY_FILE: '.data/identity/jwt-signing-key.pem',
      JWT_ISSUER: 'gym-identity',
      JWT_AUDIENCE: 'gym-platform',
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_DAYS: 30,
      REFRESH_TOKEN_REUSE_GRACE_SECONDS: 20,
      LOGIN_FREE_ATTEMPTS_PER_ACCOUNT: 5,
      LOGIN_FREE_ATTEMPTS_PER_IP: 30,
      REGISTER_FREE_ATTEMPTS_PER_ACCOUNT: 5,
      REGISTER_FREE_ATTEMPTS_PER_IP: 30,
      TRUST_PROXY: false,
      RATE_LIMIT_BASE_DELAY_SECONDS: 1,
      RATE_LIMIT_MAX_DELAY_SECONDS: 900,
      RATE_LIMIT_FORGET_AFTER_SECONDS: 3_600,
      MEMBER_LOOKUP_FREE_MISSES_PER_USER: 20,
      EMAIL_PROVIDER: 'console',
      EMAIL_FROM: 'no-reply@gym-platform.local',
      EMAIL_FROM_NAME: 'Gym Platform',
      EMAIL_TIMEOUT_MS: 10_000,
      EMAIL_MAX_ATTEMPTS: 8,
      EMAIL_BACKOFF_BASE_MS: 2_000,
      EMAIL_BACKOFF_CAP_MS: 600_000,
      EMAIL_TIMEOUT_RETRY_DELAY_MS: 5_000,
      OUTBOX_RELAY_INTERVAL_MS: 1_000,
      IDENTITY_EMAIL_QUEUE_NAME: 'identity.email',
      EMAIL_WORKER_ENABLED: true,
      DASHBOARD_URL: 'http://localhost:3000',
      PASSWORD_RESET_URL: 'http://localhost:3000/reset-password',
      PASSWORD_RESET_TOKEN_TTL_MINUTES: 60,
      PASSWORD_RESET_FREE_ATTEMPTS_PER_ACCOUNT: 3,
      PASSWORD_RESET_FREE_ATTEMPTS_PER_IP: 30,
      TWILIO_TIMEOUT_MS: 10_000,
      SMS_ALLOWED_COUNTRIES: ['DE', 'AT', 'CH'],
      SMS_MAX_PER_NUMBER_PER_DAY: 10,
      SMS_MAX_PER_USER_PER_DAY: 10,
      SMS_MAX_PER_IP_PER_DAY: 30,
      SMS_MAX_PER_COUNTRY_PER_DAY: 2_000,
      SMS_ENABLE_MAX_PER_USER_PER_DAY: 5,
      SMS_RESEND_COOLDOWN_SECONDS: 30,
      TWO_FACTOR_CODE_TTL_SECONDS: 600,
    });
  });

  it('names a bad PORT and says what is wrong', () => {
    expect(problemsOf({ PORT: 'eighty' })).toMatch(/PORT: must be a number/);
    expect(problemsOf({ PORT: '70000' })).toMatch(/PORT: is too big/);
  });

  it('names a bad JWT_PRIVATE_KEY without printing its value', () => {
    const value = 'not-a-key-but-a-secret-0123456789';

    const message = problemsOf({ JWT_PRIVATE_KEY: value });

    expect(message).toMatch(/JWT_PRIVATE_KEY: must be an EC P-256 private key/);
    expect(message).not.toContain(value);
  });

  it('refuses a key of another type, without printing it', () => {
    const rsa = pemOf('rsa');

    const message = problemsOf({ JWT_PRIVATE_KEY: rsa });

    expect(message).toMatch(/JWT_PRIVATE_KEY/);
    expect(message).not.toContain(rsa.split('\n')[1]);
  });

  it('takes the key as PEM, as PEM with escaped newlines, or as base64 of the PEM', () => {
    const pem = pemOf('ec');

    for (const given of [pem, pem.replace(/\n/g, '\\n'), Buffer.from(pem).toString('base64')]) {
      expect(validateIdentityEnv({ JWT_PRIVATE_KEY: given }).JWT_PRIVATE_KEY).toBe(pem);
    }
  });

  it('refuses to run in production without JWT_PRIVATE_KEY', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toMatch(
      /JWT_PRIVATE_KEY: is required in production/,
    );
    expect(
      validateIdentityEnv({
        NODE_ENV: 'production',
        JWT_PRIVATE_KEY: pemOf('ec'),
        INTERNAL_API_TOKEN: 'i'.repeat(32),
        MAILJET_API_KEY: 'mailjet-key',
        MAILJET_API_SECRET: 'mailjet-secret',
        DASHBOARD_URL: 'https://dashboard.example.test',
        TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
        TWILIO_AUTH_TOKEN: 'twilio-auth-token',
        TWILIO_PHONE_NUMBER: '+4915700000001',
        TWO_FACTOR_CODE_SECRET: 'c'.repeat(32),
      }),
    ).toEqual(expect.objectContaining({ NODE_ENV: 'production' }));
  });

  it('refuses to run in production without INTERNAL_API_TOKEN, or with a short one', () => {
    const production = { NODE_ENV: 'production', JWT_PRIVATE_KEY: pemOf('ec') };

    expect(problemsOf(production)).toMatch(/INTERNAL_API_TOKEN: is required in production/);
    expect(problemsOf({ ...production, INTERNAL_API_TOKEN: 'short-secret' })).toMatch(
      /INTERNAL_API_TOKEN: is too small/,
    );
  });

  it('counts an empty variable as unset', () => {
    const config = validateIdentityEnv({ DATABASE_URL: '', PORT: '' });

    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PORT).toBe(3007);
  });

  it('names a DATABASE_URL that is not a URL', () => {
    expect(problemsOf({ DATABASE_URL: 'localhost' })).toMatch(/DATABASE_URL: must be a valid url/);
  });
});
