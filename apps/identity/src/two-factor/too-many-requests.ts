import { TooManyRequestsError } from '@app/common';

/** A 429 for a daily cap: Retry-After points at the next UTC midnight, when caps start again. */
export function dailyCapReached(message: string, now = new Date()): TooManyRequestsError {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);

  return new TooManyRequestsError(
    message,
    Math.max(1, Math.ceil((midnight - now.getTime()) / 1000)),
  );
}
