import { generateKeyPairSync } from 'node:crypto';
import { ConfigValidationError } from '@app/common';
import { validateIdentityEnv } from '../config/identity-env';
import { parsePublicKeyPems } from './public-key-pem';

function p256(): { publicPem: string; privatePem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

describe('parsePublicKeyPems (JWT_PREVIOUS_PUBLIC_KEYS)', () => {
  it('takes PEM, PEM with escaped new lines and base64 of the PEM, comma-separated', () => {
    const [first, second, third] = [p256(), p256(), p256()];
    const given = [
      first.publicPem,
      second.publicPem.replace(/\n/g, '\\n'),
      Buffer.from(third.publicPem).toString('base64'),
    ].join(',');

    expect(parsePublicKeyPems(given)).toEqual([first.publicPem, second.publicPem, third.publicPem]);
  });

  it('refuses a private key, a key of another curve or type, and noise', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();

    for (const bad of [p256().privatePem, rsa, p384, 'not-a-key']) {
      expect(parsePublicKeyPems(`${p256().publicPem},${bad}`)).toBeUndefined();
    }
  });

  it('names the variable at start, without printing what it holds', () => {
    const { privatePem } = p256();

    const message = (() => {
      try {
        validateIdentityEnv({ JWT_PREVIOUS_PUBLIC_KEYS: privatePem });
      } catch (error: unknown) {
        return error instanceof ConfigValidationError ? error.message : 'another error';
      }

      return 'accepted';
    })();

    expect(message).toMatch(/JWT_PREVIOUS_PUBLIC_KEYS: must be EC P-256 public keys/);
    expect(message).not.toContain(privatePem.split('\n')[1]);
  });
});
