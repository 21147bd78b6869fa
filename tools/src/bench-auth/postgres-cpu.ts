import { readFileSync } from 'node:fs';

/** CPU seconds per backend process, from /proc (Linux); a backend gone meanwhile is left out. */
export type BackendCpu = Map<number, number>;

// Linux counts /proc times in clock ticks of 1/100 s (USER_HZ) on every common architecture.
const TICKS_PER_SECOND = 100;

export function backendCpuOf(pids: number[]): BackendCpu {
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    const used = cpuSecondsOf(pid);
    if (used !== undefined) {
      seconds.set(pid, used);
    }
  }

  return seconds;
}

/**
 * What the backends used between the two snapshots. The pool closes idle connections and opens
 * new ones under load, so a backend first seen at the end counts from zero.
 */
export function backendCpuBetween(before: BackendCpu, after: BackendCpu): number {
  let total = 0;
  for (const [pid, seconds] of after) {
    total += seconds - (before.get(pid) ?? 0);
  }

  return total;
}

function cpuSecondsOf(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    // Not Linux, or the backend ended between the listing and this read.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  // utime and stime are fields 14 and 15; the name (field 2) may hold spaces, so cut at its `)`.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');

  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
