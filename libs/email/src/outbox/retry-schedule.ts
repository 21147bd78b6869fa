import type { QueueDefinition } from '@app/queue';

import type { ResolvedEmailOutboxOptions } from './email-outbox.options';

type BackoffOptions = Pick<ResolvedEmailOutboxOptions, 'backoffBaseMs' | 'backoffCapMs'>;

/** Up to a fifth less, so that emails that failed together do not all come back together. */
const JITTER_RATIO = 0.2;

/** `min(cap, base * 2^(attempts - 1))`: the delay before jitter. */
export function backoffCeilingMs(attempts: number, options: BackoffOptions): number {
  const exponent = Math.max(0, attempts - 1);

  return Math.min(options.backoffCapMs, Math.round(options.backoffBaseMs * 2 ** exponent));
}

/** The backoff with jitter, but never shorter than what the provider asked for. */
export function backoffDelayMs(
  attempts: number,
  retryAfterMs: number | undefined,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const jittered = Math.round(backoffCeilingMs(attempts, options) * (1 - JITTER_RATIO * random()));

  return Math.max(1, jittered, Math.ceil(retryAfterMs ?? 0));
}

/**
 * One retry queue per delay the worker can ask for. The broker holds a retry for the smallest
 * delay at least as long as asked, so a jittered delay comes back at its ceiling.
 */
export function emailQueueDefinition(options: ResolvedEmailOutboxOptions): QueueDefinition {
  const delays = new Set<number>([options.timeoutRetryDelayMs]);
  for (let attempts = 1; attempts < options.maxAttempts; attempts += 1) {
    delays.add(backoffCeilingMs(attempts, options));
  }

  return { name: options.queueName, retryDelaysMs: [...delays].sort((a, b) => a - b) };
}
