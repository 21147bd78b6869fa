import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { SigningKey } from './signing-key';
import { SigningKeys } from './signing-keys';

function newPrivatePem(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

const publicPemOf = (privatePem: string) =>
  createPublicKey(privatePem).export({ type: 'spki', format: 'pem' }).toString();

describe('SigningKeys', () => {
  it('serves the signing key first, then each previous key once, public parts only', async () => {
    const currentPem = newPrivatePem();
    const previousPem = newPrivatePem();
    const current = await SigningKey.fromPem(currentPem, 'test');
    const previous = await SigningKey.fromPem(previousPem, 'test');

    const keys = await SigningKeys.of(current, [
      publicPemOf(previousPem),
      publicPemOf(currentPem),
      publicPemOf(previousPem),
    ]);

    expect(keys.jwks.map((jwk) => jwk.kid)).toEqual([current.kid, previous.kid]);
    expect(keys.previousKids).toEqual([previous.kid]);
    expect(keys.publicKeysPem).toEqual([current.publicKeyPem, previous.publicKeyPem]);
    for (const jwk of keys.jwks) {
      expect(jwk).not.toHaveProperty('d');
    }
  });
});
