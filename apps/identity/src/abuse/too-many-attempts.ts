import { TooManyRequestsError } from '@app/common';

/** The 429 for a refused attempt; the same words whichever key (account or IP) refused it. */
export function tooManyAttempts(retryAfterSeconds: number): TooManyRequestsError {
  return new TooManyRequestsError(
    `Too many attempts; try again in ${retryAfterSeconds} ${retryAfterSeconds === 1 ? 'second' : 'seconds'}.`,
    retryAfterSeconds,
  );
}
