import { ConfigValidationError } from '@app/common';
import { validateIdentityEnv } from '../config/identity-env';

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

describe('Identity email configuration', () => {
  it('sends through the console outside production and through Mailjet in production', () => {
    expect(validateIdentityEnv({}).EMAIL_PROVIDER).toBe('console');
    expect(problemsOf({ NODE_ENV: 'production' })).toMatch(
      /MAILJET_API_KEY: MAILJET_API_KEY and MAILJET_API_SECRET are required/,
    );
  });

  it('needs SMTP_URL for smtp', () => {
    expect(problemsOf({ EMAIL_PROVIDER: 'smtp' })).toMatch(/SMTP_URL: is required/);
    expect(
      validateIdentityEnv({ EMAIL_PROVIDER: 'smtp', SMTP_URL: 'smtp://127.0.0.1:1025' }),
    ).toEqual(expect.objectContaining({ EMAIL_PROVIDER: 'smtp' }));
  });

  it('refuses the console in production, where it would log reset links', () => {
    expect(problemsOf({ NODE_ENV: 'production', EMAIL_PROVIDER: 'console' })).toMatch(
      /EMAIL_PROVIDER: console prints emails, and the links in them/,
    );
  });

  it('names a provider it does not know, and bad numbers', () => {
    expect(problemsOf({ EMAIL_PROVIDER: 'pigeon' })).toMatch(/EMAIL_PROVIDER: must be one of/);
    expect(problemsOf({ EMAIL_MAX_ATTEMPTS: '0' })).toMatch(/EMAIL_MAX_ATTEMPTS: is too small/);
    expect(problemsOf({ EMAIL_WORKER_ENABLED: 'yes' })).toMatch(/EMAIL_WORKER_ENABLED/);
  });

  it('does not print the Mailjet secret when something else is wrong', () => {
    const secret = 'mailjet-secret-0123456789abcdef';

    const message = problemsOf({ MAILJET_API_SECRET: secret, EMAIL_PROVIDER: 'mailjet' });

    expect(message).toMatch(/MAILJET_API_KEY/);
    expect(message).not.toContain(secret);
  });
});
