import { createPublicKey, KeyObject } from 'node:crypto';
import { TOKEN_ALGORITHM } from '@app/common';
import { calculateJwkThumbprint } from 'jose';
import { privateKeyFromPem } from '../config/signing-key-pem';

export interface PublicSigningJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  kid: string;
  alg: typeof TOKEN_ALGORITHM;
  use: 'sig';
}

/** The key Identity signs access tokens with; only its public half ever leaves the service. */
export class SigningKey {
  private constructor(
    readonly privateKey: KeyObject,
    readonly publicJwk: PublicSigningJwk,
    readonly publicKeyPem: string,
    /** Where the key came from, for the start-up log. */
    readonly origin: string,
  ) {}

  get kid(): string {
    return this.publicJwk.kid;
  }

  static async fromPem(pem: string, origin: string): Promise<SigningKey> {
    const privateKey = privateKeyFromPem(pem);
    const publicKey = createPublicKey(privateKey);

    const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
    if (kty !== 'EC' || !crv || !x || !y) {
      throw new Error('The signing key is not an elliptic-curve key');
    }

    // RFC 7638 thumbprint: verifiers that hold only the public key derive the same kid.
    const kid = await calculateJwkThumbprint({ kty, crv, x, y });
    const publicJwk: PublicSigningJwk = { kty, crv, x, y, kid, alg: TOKEN_ALGORITHM, use: 'sig' };
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

    return new SigningKey(privateKey, publicJwk, publicKeyPem, origin);
  }
}
