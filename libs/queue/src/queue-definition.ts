import { InvalidQueueConfigError } from './job-queue.errors';
import { QueueDefinition } from './job-queue.interface';

export const DEFAULT_PREFETCH = 10;

const MAX_PREFETCH = 65_535;

export function assertValidQueueDefinition(queue: QueueDefinition): void {
  if (!queue.name.trim()) {
    throw new InvalidQueueConfigError('A queue needs a non-empty name');
  }

  if (queue.retryDelaysMs.length === 0) {
    throw new InvalidQueueConfigError(`Queue ${queue.name} needs at least one retry delay`);
  }

  const badDelay = queue.retryDelaysMs.find((ms) => !Number.isInteger(ms) || ms <= 0);
  if (badDelay !== undefined) {
    throw new InvalidQueueConfigError(
      `Queue ${queue.name} has a retry delay that is not a positive integer: ${badDelay}`,
    );
  }
}

export function assertValidPrefetch(prefetch: number): void {
  if (!Number.isInteger(prefetch) || prefetch < 1 || prefetch > MAX_PREFETCH) {
    throw new InvalidQueueConfigError(`prefetch must be an integer from 1 to ${MAX_PREFETCH}`);
  }
}

export function sameQueueDefinition(a: QueueDefinition, b: QueueDefinition): boolean {
  const delaysA = [...a.retryDelaysMs].sort((x, y) => x - y);
  const delaysB = [...b.retryDelaysMs].sort((x, y) => x - y);

  return a.name === b.name && delaysA.join(',') === delaysB.join(',');
}

/** The smallest retry delay at least as long as asked, or the longest one when none is. */
export function pickRetryDelay(queue: QueueDefinition, requestedMs: number): number {
  const delays = [...queue.retryDelaysMs].sort((a, b) => a - b);
  const fitting = delays.find((ms) => ms >= requestedMs);

  return fitting ?? delays[delays.length - 1];
}
