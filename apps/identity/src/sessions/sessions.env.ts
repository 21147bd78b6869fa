import { z } from 'zod';

const count = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

export const SESSIONS_ENV = {
  /** A spent refresh token presented again this soon returns the same new pair (two tabs). */
  REFRESH_TOKEN_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(20),
  /** Attempts that pass without delay; then each waits twice as long as the one before. */
  LOGIN_FREE_ATTEMPTS_PER_ACCOUNT: count(5, 1_000),
  LOGIN_FREE_ATTEMPTS_PER_IP: count(30, 100_000),
  REGISTER_FREE_ATTEMPTS_PER_ACCOUNT: count(5, 1_000),
  REGISTER_FREE_ATTEMPTS_PER_IP: count(30, 100_000),
};
