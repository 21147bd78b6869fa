import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** CPU seconds used so far by the bench itself, its server child, the database's backends and the machine. */
export interface CpuSample {
  client: number;
  server: number;
  postgres: number;
  machineBusy: number;
  machineTotal: number;
}

/** Per event, in milliseconds of CPU; `others` is what processes outside the bench used. */
export interface CpuPerEvent {
  client: number;
  server: number;
  postgres: number;
  others: number;
  /** The share of the whole machine that processes outside the bench took. */
  othersPercent: number;
  machineIdlePercent: number;
}

// Linux counts /proc times in clock ticks of 1/100 s (USER_HZ) on every common architecture.
const TICKS_PER_SECOND = 100;

/**
 * Reads /proc, so it measures on Linux only (elsewhere every figure is 0). The server is the
 * bench's one child process at the time; the backends are those of the bench database.
 */
export function sampleCpu(postgresPids: number[]): CpuSample {
  const usage = process.cpuUsage();

  return {
    client: (usage.user + usage.system) / 1e6,
    server: sum(childPidsOf(process.pid).map(cpuSecondsOf)),
    postgres: sum(postgresPids.map(cpuSecondsOf)),
    ...machineSeconds(),
  };
}

export function cpuPerEvent(before: CpuSample, after: CpuSample, events: number): CpuPerEvent {
  const delta = (key: keyof CpuSample) => after[key] - before[key];
  const perEventMs = (seconds: number) => (seconds * 1000) / Math.max(1, events);
  const bench = delta('client') + delta('server') + delta('postgres');
  const others = Math.max(0, delta('machineBusy') - bench);
  const total = delta('machineTotal');
  const percentOfMachine = (seconds: number) => (total > 0 ? (100 * seconds) / total : 0);

  return {
    client: perEventMs(delta('client')),
    server: perEventMs(delta('server')),
    postgres: perEventMs(delta('postgres')),
    others: perEventMs(others),
    othersPercent: percentOfMachine(others),
    machineIdlePercent: percentOfMachine(total - delta('machineBusy')),
  };
}

function childPidsOf(parentPid: number): number[] {
  return listProc().filter((pid) => statFields(pid)?.[1] === String(parentPid));
}

function cpuSecondsOf(pid: number): number {
  const fields = statFields(pid);

  // utime and stime are fields 14 and 15 of /proc/<pid>/stat, so 11 and 12 after the name.
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : 0;
}

/** The fields after `pid (name)`: the name may hold spaces, so it is cut at the last `)`. */
function statFields(pid: number): string[] | undefined {
  const stat = readProc(`/proc/${pid}/stat`);

  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function machineSeconds(): { machineBusy: number; machineTotal: number } {
  const cpuLine = existsSync('/proc/stat')
    ? readFileSync('/proc/stat', 'utf8').split('\n')[0]
    : 'cpu';
  // user nice system idle iowait irq softirq steal; guest time is already in user.
  const [user, nice, system, idle, iowait, irq, softirq, steal] = cpuLine
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const busy = sum([user, nice, system, irq, softirq, steal]);

  return {
    machineBusy: busy / TICKS_PER_SECOND,
    machineTotal: (busy + sum([idle, iowait])) / TICKS_PER_SECOND,
  };
}

/** Empty where there is no /proc (not Linux): every figure is then 0. */
function listProc(): number[] {
  if (!existsSync('/proc/self/stat')) {
    return [];
  }

  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    // A process may end between listing /proc and reading its file.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + (Number.isFinite(value) ? value : 0), 0);
}
