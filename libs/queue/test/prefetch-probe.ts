import type { JobHandler } from '../src/job-queue.interface';

export interface PrefetchProbe {
  handler: JobHandler;
  /** The most handlers that ran at the same time so far. */
  mostAtOnce(): number;
  handledCount(): number;
}

/** A handler that is busy `busyMs` per job and notes how many of it run at once. */
export function prefetchProbe(busyMs: number): PrefetchProbe {
  let running = 0;
  let mostAtOnce = 0;
  const handled = new Set<string>();

  return {
    handler: async (job) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, busyMs));
      running -= 1;
      handled.add(job.id);

      return { outcome: 'done' };
    },
    mostAtOnce: () => mostAtOnce,
    handledCount: () => handled.size,
  };
}
