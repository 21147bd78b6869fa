import { generateKeyPairSync } from 'node:crypto';

/** A fresh EC P-256 private key in PKCS8 PEM, as JWT_PRIVATE_KEY takes it. */
export function newSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
