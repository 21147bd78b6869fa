export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

/** Up to a fifth less, so that rows that failed together (Identity down) do not return together. */
const JITTER_RATIO = 0.2;

/** `min(cap, base * 2^(attempts - 1))`, less the jitter; never below 1 ms. */
export function retryDelayMs(
  attempts: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempts - 1));

  return Math.max(1, Math.round(ceiling * (1 - JITTER_RATIO * random())));
}
