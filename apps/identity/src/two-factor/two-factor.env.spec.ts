import { ConfigValidationError } from '@app/common';
import { validateIdentityEnv } from '../config/identity-env';
import { smsProviderOf } from './two-factor.env';

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

const twilio = {
  SMS_PROVIDER: 'twilio',
  TWILIO_ACCOUNT_SID: `AC${'ab'.repeat(16)}`,
  TWILIO_AUTH_TOKEN: 'twilio-token-value-7c1e',
  TWILIO_PHONE_NUMBER: '+4915700000001',
};

describe('the SMS 2FA variables', () => {
  it('pick console outside production and twilio in production', () => {
    expect(smsProviderOf({ NODE_ENV: 'development' })).toBe('console');
    expect(smsProviderOf({ NODE_ENV: 'test' })).toBe('console');
    expect(smsProviderOf({ NODE_ENV: 'production' })).toBe('twilio');
    expect(smsProviderOf({ NODE_ENV: 'production', SMS_PROVIDER: 'twilio' })).toBe('twilio');
    expect(validateIdentityEnv({}).SMS_PROVIDER).toBeUndefined();
  });

  it('take a full Twilio configuration', () => {
    const config = validateIdentityEnv({ ...twilio, TWILIO_API_BASE_URL: 'http://127.0.0.1:4010' });

    expect(config).toEqual(expect.objectContaining({ ...twilio, TWILIO_TIMEOUT_MS: 10_000 }));
  });

  it('name each missing Twilio variable, in production by default', () => {
    const message = problemsOf({ NODE_ENV: 'production' });

    expect(message).toMatch(/TWILIO_ACCOUNT_SID: is required when SMS_PROVIDER=twilio/);
    expect(message).toMatch(/TWILIO_AUTH_TOKEN: is required/);
    expect(message).toMatch(/TWILIO_PHONE_NUMBER: is required/);
    expect(message).toMatch(/TWO_FACTOR_CODE_SECRET: is required in production/);
    expect(problemsOf({ SMS_PROVIDER: 'twilio' })).toMatch(/TWILIO_AUTH_TOKEN: is required/);
  });

  it('refuse a malformed SID or sender without printing the values', () => {
    const message = problemsOf({
      ...twilio,
      TWILIO_ACCOUNT_SID: 'SKsecretish-api-key-sid',
      TWILIO_PHONE_NUMBER: '015700000001',
    });

    expect(message).toMatch(/TWILIO_ACCOUNT_SID: must be AC followed by 32 hex digits/);
    expect(message).toMatch(/TWILIO_PHONE_NUMBER: must be the sender number in E.164/);
    expect(message).not.toContain('SKsecretish');
    expect(message).not.toContain(twilio.TWILIO_AUTH_TOKEN);
  });

  it('refuse console SMS and a plain-http Twilio URL in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', SMS_PROVIDER: 'console' })).toMatch(
      /SMS_PROVIDER: cannot be console in production/,
    );
    expect(
      problemsOf({ NODE_ENV: 'production', ...twilio, TWILIO_API_BASE_URL: 'http://twilio.local' }),
    ).toMatch(/TWILIO_API_BASE_URL: must be an https URL in production/);
  });

  it('read the allow-list as upper-case ISO codes, and name a bad one', () => {
    expect(
      validateIdentityEnv({ SMS_ALLOWED_COUNTRIES: ' de, at ,CH' }).SMS_ALLOWED_COUNTRIES,
    ).toEqual(['DE', 'AT', 'CH']);
    expect(validateIdentityEnv({}).SMS_ALLOWED_COUNTRIES).toEqual(['DE', 'AT', 'CH']);
    expect(problemsOf({ SMS_ALLOWED_COUNTRIES: 'DE,Germany' })).toMatch(
      /SMS_ALLOWED_COUNTRIES: must be ISO 3166-1 alpha-2 codes/,
    );
    expect(problemsOf({ SMS_ALLOWED_COUNTRIES: ' , ' })).toMatch(
      /SMS_ALLOWED_COUNTRIES: must name at least one country/,
    );
  });

  it('take small caps for tests and refuse zero, a short code secret and a short TTL', () => {
    const config = validateIdentityEnv({
      SMS_MAX_PER_NUMBER_PER_DAY: '1',
      SMS_RESEND_COOLDOWN_SECONDS: '0',
      TWO_FACTOR_CODE_TTL_SECONDS: '60',
    });
    expect(config).toEqual(
      expect.objectContaining({
        SMS_MAX_PER_NUMBER_PER_DAY: 1,
        SMS_RESEND_COOLDOWN_SECONDS: 0,
        TWO_FACTOR_CODE_TTL_SECONDS: 60,
      }),
    );

    expect(problemsOf({ SMS_MAX_PER_IP_PER_DAY: '0' })).toMatch(
      /SMS_MAX_PER_IP_PER_DAY: is too small/,
    );
    expect(problemsOf({ TWO_FACTOR_CODE_SECRET: 'short' })).toMatch(
      /TWO_FACTOR_CODE_SECRET: is too small/,
    );
    expect(problemsOf({ TWO_FACTOR_CODE_TTL_SECONDS: '5' })).toMatch(
      /TWO_FACTOR_CODE_TTL_SECONDS: is too small/,
    );
  });
});
