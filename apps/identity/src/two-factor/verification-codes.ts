import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TwoFactorSettings } from './two-factor.settings';

const CODE_DIGITS = 6;

/**
 * Six-digit codes from the CSPRNG, kept as HMAC-SHA256(key, challenge id, code).
 *
 * Why HMAC and not argon2: a 6-digit code has only 10^6 values, so any unkeyed hash, however
 * slow, falls to an offline search of the whole space within hours. The key, which never sits in
 * the database, is what protects a leaked row; the 5-try limit is what protects the live
 * endpoint. HMAC also costs microseconds where argon2 would let anyone who can reach
 * POST /auth/2fa/verify burn CPU. Binding the challenge id in means a code is worth nothing
 * on any other challenge.
 */
@Injectable()
export class VerificationCodes {
  constructor(private readonly settings: TwoFactorSettings) {}

  generate(): string {
    return randomInt(0, 10 ** CODE_DIGITS)
      .toString()
      .padStart(CODE_DIGITS, '0');
  }

  hash(challengeId: string, code: string): string {
    return createHmac('sha256', this.settings.codeKey)
      .update(`two-factor-code\0${challengeId}\0${code}`)
      .digest('hex');
  }

  matches(challengeId: string, code: string, storedHash: string): boolean {
    const given = Buffer.from(this.hash(challengeId, code), 'hex');
    const stored = Buffer.from(storedHash, 'hex');

    return given.length === stored.length && timingSafeEqual(given, stored);
  }

  /** A keyed hash for counter keys, so the counters table holds no phone number or IP. */
  pseudonym(scope: string, value: string): string {
    return createHmac('sha256', this.settings.codeKey)
      .update(`two-factor-counter\0${scope}\0${value}`)
      .digest('base64url');
  }
}
