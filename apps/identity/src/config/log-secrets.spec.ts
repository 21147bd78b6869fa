import { generateKeyPairSync } from 'node:crypto';
import { SecretMasker } from '@app/common';
import { validateIdentityEnv } from './identity-env';
import { secretsToMask } from './log-secrets';

describe('secretsToMask', () => {
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const base64 = Buffer.from(pem).toString('base64');
  const rawEnv = {
    JWT_PRIVATE_KEY: base64,
    DATABASE_URL: 'postgres://identity:s3cret-db-password@db.internal:5432/identity',
  };
  const masker = new SecretMasker(secretsToMask(rawEnv, validateIdentityEnv(rawEnv), pem));

  it('masks the key as given, as PEM, inside a JSON line, and line by line', () => {
    const lines = [
      `env ${base64}`,
      `pem ${pem}`,
      JSON.stringify({ msg: 'key', key: pem }),
      `part ${pem.split('\n')[2]}`,
    ];

    for (const line of lines) {
      expect(masker.mask(line)).toContain('[REDACTED]');
      expect(masker.mask(line)).not.toMatch(/[A-Za-z0-9+/]{40,}/);
    }
  });

  it('masks the database password', () => {
    expect(masker.mask('connect failed: s3cret-db-password')).toBe('connect failed: [REDACTED]');
  });
});
