import { createPrivateKey, KeyObject } from 'node:crypto';
import { nodeErrorCode } from '../node-error-code';

const PEM_HEADER = '-----BEGIN';

/**
 * Reads a signing key given as PEM or as base64 of a PEM (one line fits env files better).
 * Returns undefined unless it is an EC P-256 private key.
 */
export function parseSigningKeyPem(value: string): string | undefined {
  const pem = toPem(value.trim());
  if (!pem) {
    return undefined;
  }

  return isP256PrivateKey(pem) ? pem : undefined;
}

export function privateKeyFromPem(pem: string): KeyObject {
  return createPrivateKey({ key: pem, format: 'pem' });
}

/** A PEM given as is, with escaped new lines, or as base64 of the PEM; undefined otherwise. */
export function toPem(value: string): string | undefined {
  // Orchestrators often hand multi-line values over with literal "\n".
  const unescaped = value.replace(/\\n/g, '\n');
  if (unescaped.startsWith(PEM_HEADER)) {
    return `${unescaped.trim()}\n`;
  }

  const decoded = Buffer.from(value, 'base64').toString('utf8').trim();

  return decoded.startsWith(PEM_HEADER) ? `${decoded}\n` : undefined;
}

function isP256PrivateKey(pem: string): boolean {
  const key = tryPrivateKey(pem);

  return key?.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
}

function tryPrivateKey(pem: string): KeyObject | undefined {
  try {
    return privateKeyFromPem(pem);
  } catch (error: unknown) {
    // A parse failure only means "not a usable key"; the caller names the variable.
    if (nodeErrorCode(error) !== undefined) {
      return undefined;
    }
    throw error;
  }
}
