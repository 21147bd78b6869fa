import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  importSPKI,
  JWK,
  JWTVerifyGetKey,
} from 'jose';
import { TOKEN_ALGORITHM } from './access-token';
import type { AuthOptions } from './auth.options';

// jose fetches the JWKS again for an unknown kid (a rotated key) at most this often.
const JWKS_COOLDOWN_MS = 30_000;

/** The public keys that tokens are checked against: given as PEM, or the issuer's JWKS. */
export async function createKeySet(options: AuthOptions): Promise<JWTVerifyGetKey> {
  const { publicKeysPem, jwksUrl } = options;

  if (publicKeysPem && publicKeysPem.length > 0) {
    const keys = await Promise.all(publicKeysPem.map(verificationKeyOf));

    return createLocalJWKSet({ keys });
  }

  if (jwksUrl) {
    return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: JWKS_COOLDOWN_MS });
  }

  throw new Error('Auth needs publicKeysPem or jwksUrl to verify tokens');
}

/**
 * A token's `kid` header must match the key's `kid`, or the key set finds no key. Identity
 * names each key by its RFC 7638 thumbprint, which anyone holding the public key can derive.
 */
async function verificationKeyOf(pem: string): Promise<JWK> {
  const jwk = await exportJWK(await importSPKI(pem, TOKEN_ALGORITHM));

  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: TOKEN_ALGORITHM, use: 'sig' };
}
