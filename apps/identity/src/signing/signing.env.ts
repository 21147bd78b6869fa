import { z } from 'zod';
import { parsePublicKeyPems } from './public-key-pem';

const previousPublicKeys = z.string().transform((value, context) => {
  const pems = parsePublicKeyPems(value);
  if (!pems) {
    context.addIssue({
      code: 'custom',
      message: 'must be EC P-256 public keys (SPKI PEM, or base64 of the PEM), comma-separated',
    });

    return z.NEVER;
  }

  return pems;
});

export const SIGNING_ENV = {
  /** Served in the JWKS and trusted beside the signing key, e.g. the key before a rotation. */
  JWT_PREVIOUS_PUBLIC_KEYS: previousPublicKeys.optional(),
};
