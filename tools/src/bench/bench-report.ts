import { cpus, totalmem } from 'node:os';
import type { ServerFacts, WorkDone } from './bench-database';
import type { CpuPerEvent } from './cpu-meter';
import type { PhaseFigures } from './latency-stats';
import { cpuBoundRate, medianFigures, type PhaseResult } from './round-summary';

interface TargetVerdict {
  rateRatio: number;
  rateHolds: boolean;
  p99Holds: boolean;
}

const P99_TARGET_MS = 100;
const RATE_TARGET_RATIO = 0.5;

const ms = (value: number): string => `${value.toFixed(1)} ms`;

export function printMachine(postgres: ServerFacts): void {
  const [cpu] = cpus();
  console.log('Machine');
  console.log(`  cores        ${cpus().length} (${cpu?.model ?? 'unknown'})`);
  console.log(`  memory       ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
  console.log(`  node         ${process.version} (${process.platform}/${process.arch})`);
  console.log(
    `  postgresql   ${postgres.version} on 127.0.0.1:5432, fsync=${postgres.fsync}, ` +
      `synchronous_commit=${postgres.synchronousCommit}`,
  );
  console.log('  client, servers and database share these cores');
}

export function printSettings(settings: Record<string, string | number>): void {
  console.log('Settings');
  for (const [name, value] of Object.entries(settings)) {
    console.log(`  ${name.padEnd(12)} ${value}`);
  }
}

export function printPhase(label: string, figures: PhaseFigures): void {
  console.log(
    `  ${label}: ${figures.events} events in ${figures.durationS.toFixed(2)} s = ` +
      `${figures.eventsPerS.toFixed(0)} events/s; p50 ${ms(figures.p50)}, p90 ${ms(figures.p90)}, ` +
      `p99 ${ms(figures.p99)}, max ${ms(figures.max)}; errors ${figures.errors}` +
      (figures.unsent > 0 ? `; ${figures.unsent} NOT SENT (time bound reached)` : ''),
  );
}

export function printErrorKinds(kinds: Map<string, number>): void {
  for (const [kind, count] of kinds) {
    console.log(`    ${count} x ${kind}`);
  }
}

// Beyond this, other work on the machine moved the figures more than the code did.
const NOISY_OTHERS_PERCENT = 10;

export function printCpu(cpu: CpuPerEvent, backends: number): void {
  const each = (value: number) => `${value.toFixed(2)} ms`;
  console.log(
    `  CPU per event: client ${each(cpu.client)}, server ${each(cpu.server)}, ` +
      `PostgreSQL (${backends} backends) ${each(cpu.postgres)}, everything else ` +
      `${each(cpu.others)}; machine idle ${cpu.machineIdlePercent.toFixed(0)} %`,
  );
  if (cpu.othersPercent > NOISY_OTHERS_PERCENT) {
    console.log(
      `  WARNING: other processes took ${cpu.othersPercent.toFixed(0)} % of the machine during ` +
        'this phase; its rate and latencies are not clean (CPU per event is the steadier figure)',
    );
  }
}

export function printWorkDone(work: WorkDone): void {
  console.log(
    `  in the database: ${work.eventsProcessed} events processed, ${work.paidGyms} gyms paid, ` +
      `${work.payments} payments, ${work.licenses} licenses, ${work.activationTokens} ` +
      `activation tokens, ${work.emails} emails (${work.emailsSent} already sent)`,
  );
}

function verdictOf(wizard: PhaseFigures, ceiling: PhaseFigures): TargetVerdict {
  const rateRatio = wizard.eventsPerS / ceiling.eventsPerS;

  return {
    rateRatio,
    rateHolds: rateRatio >= RATE_TARGET_RATIO,
    p99Holds: wizard.p99 < P99_TARGET_MS,
  };
}

export function printComparison(wizard: PhaseResult[], ceiling: PhaseResult[]): void {
  const cores = cpus().length;
  const rounds = wizard.length > 1 ? `, median of ${wizard.length} rounds` : '';
  const wizardFigures = medianFigures(wizard);

  console.log(`\nResult (measured phases${rounds})`);
  console.log(
    `  ${'target'.padEnd(9)} ${'events/s'.padStart(9)} ${'p50'.padStart(10)} ` +
      `${'p99'.padStart(10)} ${'errors'.padStart(7)} ${'CPU-bound limit'.padStart(16)}`,
  );
  printRow('Wizard', wizard, cores);
  if (ceiling.length === 0) {
    console.log(`  target p99 < ${P99_TARGET_MS} ms: ${yesNo(wizardFigures.p99 < P99_TARGET_MS)}`);

    return;
  }
  const ceilingFigures = medianFigures(ceiling);
  printRow('ceiling', ceiling, cores);

  const verdict = verdictOf(wizardFigures, ceilingFigures);
  const limitRatio = cpuBoundRate(wizard, cores) / cpuBoundRate(ceiling, cores);
  console.log(
    `  Wizard / ceiling rate: ${percent(verdict.rateRatio)} measured, ` +
      `${percent(limitRatio)} by the CPU-bound limits`,
  );
  console.log(
    `  target rate >= ${RATE_TARGET_RATIO * 100} % of the ceiling: ${yesNo(verdict.rateHolds)}`,
  );
  console.log(`  target p99 < ${P99_TARGET_MS} ms: ${yesNo(verdict.p99Holds)}`);
}

/** Medians over the rounds, but every error of every round. */
function printRow(name: string, results: PhaseResult[], cores: number): void {
  const figures = medianFigures(results);
  const errors = results.reduce((total, result) => total + result.figures.errors, 0);
  const limit = cpuBoundRate(results, cores);
  console.log(
    `  ${name.padEnd(9)} ${figures.eventsPerS.toFixed(0).padStart(9)} ` +
      `${ms(figures.p50).padStart(10)} ${ms(figures.p99).padStart(10)} ` +
      `${String(errors).padStart(7)} ${`${limit.toFixed(0)}/s`.padStart(16)}`,
  );
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`;
}

function yesNo(holds: boolean): string {
  return holds ? 'holds' : 'MISSED';
}
