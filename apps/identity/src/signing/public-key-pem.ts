import { createPublicKey, KeyObject } from 'node:crypto';
import { toPem } from '../config/signing-key-pem';
import { nodeErrorCode } from '../node-error-code';

/**
 * Reads a comma-separated list of EC P-256 public keys (SPKI PEM, or base64 of the PEM) into
 * SPKI PEMs. Returns undefined when any entry is something else, private keys included: a
 * retired private key has no business in the configuration.
 */
export function parsePublicKeyPems(value: string): string[] | undefined {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const pems = entries.map((entry) => p256PublicKeyPem(entry));

  return pems.every((pem) => pem !== undefined) ? pems : undefined;
}

function p256PublicKeyPem(entry: string): string | undefined {
  const pem = toPem(entry);
  if (!pem?.startsWith('-----BEGIN PUBLIC KEY-----')) {
    return undefined;
  }

  const key = tryPublicKey(pem);
  if (key?.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    return undefined;
  }

  return key.export({ type: 'spki', format: 'pem' }).toString();
}

function tryPublicKey(pem: string): KeyObject | undefined {
  try {
    return createPublicKey({ key: pem, format: 'pem' });
  } catch (error: unknown) {
    // A parse failure only means "not a usable key"; the caller names the variable.
    if (nodeErrorCode(error) !== undefined) {
      return undefined;
    }
    throw error;
  }
}
