import type { LoadResult } from './load-loop';

export interface PhaseFigures {
  events: number;
  durationS: number;
  eventsPerS: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  unsent: number;
}

export function figuresOf(result: LoadResult): PhaseFigures {
  const sorted = Float64Array.from(result.latenciesMs).sort();

  return {
    events: result.sent,
    durationS: result.durationMs / 1000,
    eventsPerS: result.sent / (result.durationMs / 1000),
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? sorted[sorted.length - 1] : Number.NaN,
    errors: result.errors,
    unsent: result.unsent,
  };
}

/** Nearest rank: the smallest latency that at least `p` percent of requests did not exceed. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }

  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
