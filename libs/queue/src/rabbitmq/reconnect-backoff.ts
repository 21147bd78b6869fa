export interface ReconnectBackoff {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RECONNECT_BACKOFF: ReconnectBackoff = {
  initialDelayMs: 200,
  maxDelayMs: 30_000,
};

/**
 * Exponential delay for the n-th attempt (from 1), capped, with "equal jitter": a random point in
 * the upper half, so many clients cut at once do not reconnect in lockstep.
 */
export function reconnectDelayMs(
  attempt: number,
  backoff: ReconnectBackoff,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(backoff.maxDelayMs, backoff.initialDelayMs * 2 ** exponent);

  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
