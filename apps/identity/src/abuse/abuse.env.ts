import { z } from 'zod';
import { parseTrustProxy } from './trust-proxy';

const seconds = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

const trustProxy = z.string().transform((value, context) => {
  const parsed = parseTrustProxy(value);
  if (parsed === undefined) {
    context.addIssue({
      code: 'custom',
      message: 'must be true, false, a number of hops, or proxy addresses / CIDR ranges',
    });

    return z.NEVER;
  }

  return parsed;
});

export const ABUSE_ENV = {
  /** Which proxies may name the client's address in X-Forwarded-For (see trust-proxy.ts). */
  TRUST_PROXY: trustProxy.default(false),
  /** The first delay once a key has used its free attempts; each further attempt doubles it. */
  RATE_LIMIT_BASE_DELAY_SECONDS: seconds(1, 3_600),
  RATE_LIMIT_MAX_DELAY_SECONDS: seconds(900, 86_400),
  /** A key with no attempt for this long starts again with its free attempts. */
  RATE_LIMIT_FORGET_AFTER_SECONDS: seconds(3_600, 7 * 86_400),
  /** Adding a member by an email no account has: an owner may not probe which emails exist. */
  MEMBER_LOOKUP_FREE_MISSES_PER_USER: z.coerce.number().int().min(1).max(1_000).default(20),
};
