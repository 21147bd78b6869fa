import { createPublicKey } from 'node:crypto';
import { PublicSigningJwk, SigningKey, VerificationKey, verificationKeyOf } from './signing-key';

/**
 * The key that signs new tokens, and every public key that is served and trusted: the
 * signing key's own first, then the previous keys, kept until the tokens they signed have
 * expired. Rotating the signing key this way logs nobody out.
 */
export class SigningKeys {
  private constructor(
    readonly current: SigningKey,
    readonly verificationKeys: VerificationKey[],
  ) {}

  static async of(current: SigningKey, previousPublicKeysPem: string[]): Promise<SigningKeys> {
    const previous = await Promise.all(
      previousPublicKeysPem.map((pem) => verificationKeyOf(createPublicKey(pem))),
    );
    const byKid = new Map<string, VerificationKey>([[current.kid, current.verification]]);
    for (const key of previous) {
      if (!byKid.has(key.jwk.kid)) {
        byKid.set(key.jwk.kid, key);
      }
    }

    return new SigningKeys(current, [...byKid.values()]);
  }

  get jwks(): PublicSigningJwk[] {
    return this.verificationKeys.map((key) => key.jwk);
  }

  get publicKeysPem(): string[] {
    return this.verificationKeys.map((key) => key.pem);
  }

  get previousKids(): string[] {
    return this.jwks.map((jwk) => jwk.kid).filter((kid) => kid !== this.current.kid);
  }
}
