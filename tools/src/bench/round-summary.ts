import type { CpuPerEvent } from './cpu-meter';
import type { PhaseFigures } from './latency-stats';

/** What one measured phase of one target gave. */
export interface PhaseResult {
  figures: PhaseFigures;
  cpu: CpuPerEvent;
}

/** Field by field, so one noisy round moves no figure much. */
export function medianFigures(results: PhaseResult[]): PhaseFigures {
  const fields = Object.keys(results[0].figures) as Array<keyof PhaseFigures>;

  return Object.fromEntries(
    fields.map((field) => [field, median(results.map((result) => result.figures[field]))]),
  ) as unknown as PhaseFigures;
}

/**
 * The rate the CPU alone allows on an idle machine: the server's one thread must do its share of
 * every event, and all cores together must do the whole of it (client, server, PostgreSQL).
 * It ignores waits for locks and disks, so it is a bound, not a forecast; it is steadier than
 * the measured rate when other work shares the machine.
 */
export function cpuBoundRate(results: PhaseResult[], cores: number): number {
  const server = median(results.map(({ cpu }) => cpu.server));
  const whole = median(results.map(({ cpu }) => cpu.client + cpu.server + cpu.postgres));

  return Math.min(1000 / server, (cores * 1000) / whole);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
