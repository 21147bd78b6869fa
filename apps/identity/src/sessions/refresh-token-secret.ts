import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

const SEAL_INFO = 'gym-identity refresh token grace seal v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** 32 random bytes, base64url: what the client holds. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database holds: enough to recognise a token, never to make one. */
export function refreshTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Encrypts the replacement token (AES-256-GCM) under a key derived from the token it
 * replaces. Only whoever holds that token can open it; the database alone cannot.
 */
export function sealReplacement(replaced: string, replacement: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKeyOf(replaced), iv);
  const sealed = Buffer.concat([cipher.update(replacement, 'utf8'), cipher.final()]);

  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** Throws when the seal was not made with this token, or was altered. */
export function openReplacement(replaced: string, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    sealingKeyOf(replaced),
    bytes.subarray(0, IV_BYTES),
  );
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));

  const plain = Buffer.concat([
    decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]);

  return plain.toString('utf8');
}

function sealingKeyOf(token: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', Buffer.from(token, 'utf8'), Buffer.alloc(0), SEAL_INFO, 32),
  );
}
