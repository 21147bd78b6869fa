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

/** A public key that verifies access tokens, as the JWKS serves it and as PEM. */
export interface VerificationKey {
  jwk: PublicSigningJwk;
  pem: string;
}

export async function verificationKeyOf(publicKey: KeyObject): Promise<VerificationKey> {
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
  if (kty !== 'EC' || !crv || !x || !y) {
    throw new Error('The signing key is not an elliptic-curve key');
  }

  // RFC 7638 thumbprint: verifiers that hold only the public key derive the same kid.
  const kid = await calculateJwkThumbprint({ kty, crv, x, y });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  return { jwk: { kty, crv, x, y, kid, alg: TOKEN_ALGORITHM, use: 'sig' }, pem };
}

/** The key Identity signs access tokens with; only its public half ever leaves the service. */
export class SigningKey {
  private constructor(
    readonly privateKey: KeyObject,
    readonly verification: VerificationKey,
    /** Where the key came from, for the start-up log. */
    readonly origin: string,
  ) {}

  get kid(): string {
    return this.verification.jwk.kid;
  }

  get publicJwk(): PublicSigningJwk {
    return this.verification.jwk;
  }

  get publicKeyPem(): string {
    return this.verification.pem;
  }

  static async fromPem(pem: string, origin: string): Promise<SigningKey> {
    const privateKey = privateKeyFromPem(pem);

    return new SigningKey(privateKey, await verificationKeyOf(createPublicKey(privateKey)), origin);
  }
}
