import { createHash } from 'node:crypto';
import { normalizeEmail } from '../users/normalize-email';

/** `owner@gym.test` as `o***@gym.test`: enough to recognise it, not to write to it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) {
    return '***';
  }

  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/**
 * The same short value for every spelling of one email, to follow one address across
 * events. Not a secret: anyone holding a list of emails can match it.
 */
export function emailFingerprint(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('hex').slice(0, 16);
}
