import { availableParallelism, cpus } from 'node:os';
import type { CpuPerEvent } from '../bench/cpu-meter';
import type { PhaseFigures } from '../bench/latency-stats';
import { medianFigures, type PhaseResult } from '../bench/round-summary';
import type { RaisedLimit } from './identity-service';

export const OVERHEAD_TARGET_PERCENT = 20;

// Beyond this, other work on the machine moved the figures more than the code did.
const NOISY_OTHERS_PERCENT = 10;

const ms = (value: number): string => `${value.toFixed(1)} ms`;

export function printSettings(settings: Record<string, string | number>): void {
  console.log('Settings');
  for (const [name, value] of Object.entries(settings)) {
    console.log(`  ${name.padEnd(13)} ${value}`);
  }
}

export function printRaisedLimits(limits: RaisedLimit[]): void {
  console.log('Limits raised for the bench (the limiter still counts every attempt)');
  for (const limit of limits) {
    console.log(`  ${limit.name}=${limit.bench} (usually ${limit.usual}): ${limit.why}`);
  }
}

/** `logins` or `verifies`: what one event of the phase is. */
export function printPhase(label: string, unit: string, figures: PhaseFigures): void {
  console.log(
    `  ${label}: ${figures.events} ${unit} in ${figures.durationS.toFixed(2)} s = ` +
      `${figures.eventsPerS.toFixed(1)} ${unit}/s; p50 ${ms(figures.p50)}, ` +
      `p90 ${ms(figures.p90)}, p99 ${ms(figures.p99)}, max ${ms(figures.max)}; ` +
      `errors ${figures.errors}` +
      (figures.unsent > 0 ? `; ${figures.unsent} NOT RUN (time bound reached)` : ''),
  );
}

export function printErrorKinds(kinds: Map<string, number>): void {
  for (const [kind, count] of kinds) {
    console.log(`    ${count} x ${kind}`);
  }
}

/** `server` is Identity or the verify child: whichever process did the phase's work. */
export function printCpu(label: string, server: string, cpu: CpuPerEvent): void {
  const each = (value: number) => `${value.toFixed(2)} ms`;
  const postgres = cpu.postgres > 0 ? `, PostgreSQL ${each(cpu.postgres)}` : '';
  console.log(
    `  CPU per ${label}: ${server} ${each(cpu.server)}${postgres}, client ${each(cpu.client)}, ` +
      `everything else ${each(cpu.others)}; machine idle ${cpu.machineIdlePercent.toFixed(0)} %`,
  );
  if (cpu.othersPercent > NOISY_OTHERS_PERCENT) {
    console.log(
      `  WARNING: other processes took ${cpu.othersPercent.toFixed(0)} % of the machine during ` +
        'this phase; its rate and latencies are not clean',
    );
  }
}

export function overheadPercent(service: PhaseFigures, bare: PhaseFigures): number {
  return (1 - service.eventsPerS / bare.eventsPerS) * 100;
}

export function printResult(
  service: PhaseResult[],
  bare: PhaseResult[],
  threadpoolSize: number,
): void {
  const rounds = service.length > 1 ? `, median of ${service.length} rounds` : '';
  const serviceFigures = medianFigures(service);
  const bareFigures = medianFigures(bare);
  const overhead = overheadPercent(serviceFigures, bareFigures);

  console.log(`\nResult (measured phases${rounds})`);
  console.log(
    `  ${''.padEnd(20)} ${'per s'.padStart(8)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ` +
      `${'max'.padStart(9)} ${'errors'.padStart(7)} ${'CPU/each'.padStart(9)}`,
  );
  printRow('Identity logins', serviceFigures, serviceCpuMs(service));
  printRow('bare argon2 verifies', bareFigures, median(bare.map(({ cpu }) => cpu.server)));
  console.log(
    `  overhead = (1 - logins/s / verifies/s) * 100 = ${overhead.toFixed(1)} %; ` +
      `target < ${OVERHEAD_TARGET_PERCENT} %: ${overhead < OVERHEAD_TARGET_PERCENT ? 'holds' : 'MISSED'}`,
  );
  console.log(
    `  the same by CPU per event (steadier when other work shares the cores): ` +
      `${cpuOverheadPercent(service, bare).toFixed(1)} %`,
  );
  console.log(
    `  p99: login ${ms(serviceFigures.p99)} vs verify ${ms(bareFigures.p99)} ` +
      `(+${ms(serviceFigures.p99 - bareFigures.p99)})`,
  );
  console.log(
    `  machine: ${cpus().length} cores (${availableParallelism()} available to Node), ` +
      `node ${process.version}, UV_THREADPOOL_SIZE=${threadpoolSize} for both`,
  );
}

/**
 * With every core busy the rate is the cores over the CPU each event takes, the bench's client
 * included, so the ratio of CPU per event is the ratio of rates other work cannot skew.
 */
function cpuOverheadPercent(service: PhaseResult[], bare: PhaseResult[]): number {
  const whole = (results: PhaseResult[]) =>
    median(results.map(({ cpu }) => cpu.server + cpu.postgres + cpu.client));

  return (1 - whole(bare) / whole(service)) * 100;
}

/** Identity's and PostgreSQL's CPU per login: what the service spends, the hash included. */
function serviceCpuMs(results: PhaseResult[]): number {
  return median(results.map(({ cpu }) => cpu.server + cpu.postgres));
}

function printRow(name: string, figures: PhaseFigures, cpuMs: number): void {
  console.log(
    `  ${name.padEnd(20)} ${figures.eventsPerS.toFixed(1).padStart(8)} ` +
      `${ms(figures.p50).padStart(9)} ${ms(figures.p99).padStart(9)} ` +
      `${ms(figures.max).padStart(9)} ${String(figures.errors).padStart(7)} ` +
      `${ms(cpuMs).padStart(9)}`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
