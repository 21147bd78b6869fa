import { generateKeyPairSync } from 'node:crypto';
import { AccessTokenVerifier } from '@app/common';
import { ConfigService } from '@nestjs/config';
import { decodeProtectedHeader } from 'jose';
import { IdentityConfig, validateIdentityEnv } from '../config/identity-env';
import { AccessTokenIssuer } from './access-token.issuer';
import { SigningKey } from './signing-key';

describe('AccessTokenIssuer', () => {
  const subject = { id: '6f1c1e0e-5b7a-4c4c-9a53-2f0f3c1d2e11', email: 'a@b.test', roles: [] };
  const sessionId = '0b7c5a52-3f7e-4a4e-8f5e-1d2c3b4a5f60';
  let key: SigningKey;
  let issuer: AccessTokenIssuer;

  beforeAll(async () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    key = await SigningKey.fromPem(pem, 'test');
    const config = new ConfigService<IdentityConfig, true>(validateIdentityEnv({}));
    issuer = new AccessTokenIssuer(key, config);
  });

  function verifierFor(publicKeyPem: string, audience = 'gym-platform'): AccessTokenVerifier {
    return new AccessTokenVerifier({
      issuer: 'gym-identity',
      audience,
      publicKeysPem: [publicKeyPem],
    });
  }

  it('mints tokens that the shared verifier accepts with the public key alone', async () => {
    const { token, expiresIn } = await issuer.issue(subject, sessionId);

    await expect(verifierFor(key.publicKeyPem).verify(token)).resolves.toEqual({
      ...subject,
      sessionId,
    });
    expect(expiresIn).toBe(900);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: key.kid });
  });

  it('mints tokens that a verifier for another audience refuses', async () => {
    const { token } = await issuer.issue(subject, sessionId);

    await expect(verifierFor(key.publicKeyPem, 'another-platform').verify(token)).rejects.toThrow(
      /invalid or has expired/,
    );
  });

  it('never puts the private part in the published key', () => {
    expect(key.publicJwk).not.toHaveProperty('d');
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });
});
