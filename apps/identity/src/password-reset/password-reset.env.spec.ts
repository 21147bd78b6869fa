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

describe('password reset configuration', () => {
  it('links to DASHBOARD_URL/reset-password unless PASSWORD_RESET_URL is set', () => {
    expect(
      validateIdentityEnv({ DASHBOARD_URL: 'https://app.example.test/' }).PASSWORD_RESET_URL,
    ).toBe('https://app.example.test/reset-password');
    expect(
      validateIdentityEnv({ PASSWORD_RESET_URL: 'https://id.example.test/new-password' })
        .PASSWORD_RESET_URL,
    ).toBe('https://id.example.test/new-password');
  });

  it('takes web URLs only', () => {
    expect(problemsOf({ PASSWORD_RESET_URL: 'javascript:alert(1)' })).toMatch(
      /PASSWORD_RESET_URL: must be a valid url/,
    );
  });

  it('wants https links in production', () => {
    const production = { NODE_ENV: 'production', EMAIL_PROVIDER: 'smtp', SMTP_URL: 'smtp://mx' };

    expect(problemsOf(production)).toMatch(/DASHBOARD_URL: must be an https URL in production/);
    expect(problemsOf({ ...production, PASSWORD_RESET_URL: 'http://x.test/reset' })).toMatch(
      /PASSWORD_RESET_URL: must be an https URL in production/,
    );
  });

  it('keeps the link lifetime between 5 minutes and a day', () => {
    expect(validateIdentityEnv({}).PASSWORD_RESET_TOKEN_TTL_MINUTES).toBe(60);
    expect(problemsOf({ PASSWORD_RESET_TOKEN_TTL_MINUTES: '1' })).toMatch(/is too small/);
    expect(problemsOf({ PASSWORD_RESET_TOKEN_TTL_MINUTES: '2000' })).toMatch(/is too big/);
  });
});
