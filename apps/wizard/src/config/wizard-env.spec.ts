import { ConfigValidationError } from '@app/common';
import { DEFAULT_PLANS } from './plans';
import { validateWizardEnv } from './wizard-env';

const LIVE_KEY = 'sk_live_51SecretLiveKeyValue000000';
const TEST_KEY = 'sk_test_51SecretTestKeyValue000000';

function failureOf(env: Record<string, string>): string {
  try {
    validateWizardEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);

    return (error as Error).message;
  }

  throw new Error('expected the configuration to be refused');
}

describe('validateWizardEnv', () => {
  it('starts on embedded defaults with nothing set', () => {
    const config = validateWizardEnv({});

    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.AMQP_URL).toBeUndefined();
    expect(config).toEqual(
      expect.objectContaining({
        PORT: 3006,
        EMAIL_PROVIDER: 'console',
        PLANS: DEFAULT_PLANS,
        STRIPE_WEBHOOK_TOLERANCE_SECONDS: 300,
        DATABASE_POOL_SIZE: 10,
      }),
    );
  });

  it('takes a pool size from 1 to 100, and names the variable otherwise', () => {
    expect(validateWizardEnv({ DATABASE_POOL_SIZE: '25' }).DATABASE_POOL_SIZE).toBe(25);
    for (const bad of ['0', '101', 'ten', '2.5']) {
      expect(failureOf({ DATABASE_POOL_SIZE: bad })).toMatch(/DATABASE_POOL_SIZE/);
    }
  });

  it('splits the webhook secrets for rotation', () => {
    const config = validateWizardEnv({ STRIPE_WEBHOOK_SECRET: 'whsec_old, whsec_new' });

    expect(config.STRIPE_WEBHOOK_SECRET).toEqual(['whsec_old', 'whsec_new']);
  });

  it('refuses a live Stripe key outside production without printing it', () => {
    const message = failureOf({ NODE_ENV: 'development', STRIPE_SECRET_KEY: LIVE_KEY });

    expect(message).toMatch(/STRIPE_SECRET_KEY: .*live key/);
    expect(message).not.toContain(LIVE_KEY);
  });

  it('refuses a test Stripe key in production without printing it', () => {
    const message = failureOf({
      NODE_ENV: 'production',
      STRIPE_SECRET_KEY: TEST_KEY,
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      IDENTITY_JWKS_URL: 'https://identity.example.test/.well-known/jwks.json',
      MAILJET_API_KEY: 'key',
      MAILJET_API_SECRET: 'secret',
    });

    expect(message).toMatch(/STRIPE_SECRET_KEY: .*test key/);
    expect(message).not.toContain(TEST_KEY);
  });

  it('names every missing production variable at once', () => {
    const message = failureOf({ NODE_ENV: 'production' });

    for (const variable of [
      'STRIPE_SECRET_KEY',
      'STRIPE_WEBHOOK_SECRET',
      'MAILJET_API_KEY',
      'IDENTITY_JWKS_URL',
      'INTERNAL_API_TOKEN',
    ]) {
      expect(message).toContain(variable);
    }
  });

  it.each([
    ['PORT', 'eighty', /PORT: must be a number/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL: must be a valid url/],
    ['EMAIL_PROVIDER', 'pigeon', /EMAIL_PROVIDER: must be one of mailjet, smtp, console/],
    ['STRIPE_WEBHOOK_SECRET', 'hunter2-secret', /STRIPE_WEBHOOK_SECRET: must start with whsec_/],
    ['PLANS', '[{"id":"x"}]', /PLANS: must be a JSON array of plans/],
  ])('names %s when its value is bad, and never prints the value', (variable, value, expected) => {
    const message = failureOf({ [variable]: value });

    expect(message).toMatch(expected);
    expect(message).not.toContain(value);
  });

  it('refuses console email in production, where it would print links to the log', () => {
    expect(failureOf({ NODE_ENV: 'production', EMAIL_PROVIDER: 'console' })).toMatch(
      /EMAIL_PROVIDER: console prints emails/,
    );
  });

  it('needs an SMTP URL for the smtp provider', () => {
    expect(failureOf({ EMAIL_PROVIDER: 'smtp' })).toMatch(/SMTP_URL: is required/);
  });

  it('splits the platform admin addresses, and has none by default', () => {
    const config = validateWizardEnv({
      PLATFORM_ADMIN_EMAILS: 'ops@example.test, finance@example.test',
    });

    expect(config.PLATFORM_ADMIN_EMAILS).toEqual(['ops@example.test', 'finance@example.test']);
    expect(validateWizardEnv({}).PLATFORM_ADMIN_EMAILS).toEqual([]);
    expect(failureOf({ PLATFORM_ADMIN_EMAILS: 'ops@example.test,not-an-address' })).toMatch(
      /PLATFORM_ADMIN_EMAILS/,
    );
  });
});
