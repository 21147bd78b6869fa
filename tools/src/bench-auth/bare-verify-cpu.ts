import type { CpuPerEvent, CpuSample } from '../bench/cpu-meter';

/**
 * CPU per verify of the bare verify phase. The child counts its own CPU (it may be gone before
 * a last sample of /proc); the machine's samples tell how much other work shared the cores.
 */
export function bareVerifyCpu(
  before: CpuSample,
  after: CpuSample,
  childCpuMs: number,
  verifies: number,
): CpuPerEvent {
  const client = after.client - before.client;
  const child = childCpuMs / 1000;
  const busy = after.machineBusy - before.machineBusy;
  const total = after.machineTotal - before.machineTotal;
  const others = Math.max(0, busy - client - child);
  const perEventMs = (seconds: number) => (seconds * 1000) / Math.max(1, verifies);
  const percentOfMachine = (seconds: number) => (total > 0 ? (100 * seconds) / total : 0);

  return {
    client: perEventMs(client),
    server: perEventMs(child),
    postgres: 0,
    others: perEventMs(others),
    othersPercent: percentOfMachine(others),
    machineIdlePercent: percentOfMachine(total - busy),
  };
}
