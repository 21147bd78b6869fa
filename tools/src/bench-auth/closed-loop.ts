import type { LoadResult } from '../bench/load-loop';

/** What one task answered: undefined when it did its work, otherwise a short kind of failure. */
export type TaskOutcome = string | undefined;

export interface ClosedLoopOptions {
  /** Tasks in flight at all times, until the count or the time runs out. */
  concurrency: number;
  count: number;
  /** Nothing new starts after this many milliseconds. */
  maxDurationMs: number;
  /** Nothing new starts once this is aborted (Ctrl-C). */
  stop?: AbortSignal;
}

/**
 * Keeps `concurrency` tasks in flight until `count` have run or time is up. The service phase and
 * the bare verify child both run through this loop, so they are timed the same way.
 */
export async function runClosedLoop(
  options: ClosedLoopOptions,
  task: (index: number) => Promise<TaskOutcome>,
): Promise<LoadResult> {
  const result: LoadResult = {
    latenciesMs: [],
    durationMs: 0,
    sent: 0,
    errors: 0,
    errorKinds: new Map(),
    unsent: 0,
  };
  const started = process.hrtime.bigint();
  const deadline = Date.now() + options.maxDurationMs;
  let next = 0;

  const worker = async (): Promise<void> => {
    while (next < options.count && Date.now() < deadline && !options.stop?.aborted) {
      const index = next;
      next += 1;
      await runOne(task, index, result);
    }
  };

  await Promise.all(Array.from({ length: options.concurrency }, worker));
  result.durationMs = elapsedMs(started);
  result.unsent = options.count - result.sent;

  return result;
}

async function runOne(
  task: (index: number) => Promise<TaskOutcome>,
  index: number,
  result: LoadResult,
): Promise<void> {
  const started = process.hrtime.bigint();
  const problem = await task(index).then(
    (outcome) => outcome,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  result.latenciesMs.push(elapsedMs(started));
  result.sent += 1;

  if (problem !== undefined) {
    result.errors += 1;
    result.errorKinds.set(problem, (result.errorKinds.get(problem) ?? 0) + 1);
  }
}

export function elapsedMs(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}
