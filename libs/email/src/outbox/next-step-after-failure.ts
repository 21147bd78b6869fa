import type { DeliveryFailure } from './delivery-failure';
import type { ResolvedEmailOutboxOptions } from './email-outbox.options';
import { backoffDelayMs } from './retry-schedule';

export type NextStepAfterFailure =
  | { step: 'fail' }
  | { step: 'dead' }
  | { step: 'retry'; delayMs: number; countsAsTimeoutRetry: boolean };

export interface AttemptsSoFar {
  /** Including the attempt that just failed. */
  attempts: number;
  timeoutRetries: number;
}

export function nextStepAfterFailure(
  failure: DeliveryFailure,
  row: AttemptsSoFar,
  options: ResolvedEmailOutboxOptions,
  random: () => number = Math.random,
): NextStepAfterFailure {
  if (failure.kind === 'permanent') {
    return { step: 'fail' };
  }

  if (row.attempts >= options.maxAttempts) {
    return { step: 'dead' };
  }

  if (failure.kind === 'timeout' && row.timeoutRetries < options.timeoutRetries) {
    return { step: 'retry', delayMs: options.timeoutRetryDelayMs, countsAsTimeoutRetry: true };
  }

  const delayMs = backoffDelayMs(row.attempts, failure.retryAfterMs, options, random);

  return { step: 'retry', delayMs, countsAsTimeoutRetry: false };
}
