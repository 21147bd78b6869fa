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
      EMBEDDED_DB_DIR: '.data/identity-postgres',
      EMBEDDED_DB_PORT: 54307,
      JWT_KEY_FILE: '.data/identity/jwt-signing-key.pem',
      JWT_ISSUER: 'gym-identity',
      JWT_AUDIENCE: 'gym-platform',
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_DAYS: 30,
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
    expect(validateIdentityEnv({ NODE_ENV: 'production', JWT_PRIVATE_KEY: pemOf('ec') })).toEqual(
      expect.objectContaining({ NODE_ENV: 'production' }),
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
