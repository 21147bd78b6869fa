import { Logger } from '@nestjs/common';

import { describeError } from './describe-error';
import { Job, JobHandler, JobResult, QueueDefinition } from './job-queue.interface';

/** Runs the handler without throwing: a throw or a bad result becomes a first-delay retry. */
export async function runJobHandler(
  queue: QueueDefinition,
  handler: JobHandler,
  job: Job,
  logger: Logger,
): Promise<JobResult> {
  const retry: JobResult = { outcome: 'retry', delayMs: queue.retryDelaysMs[0] };

  try {
    const result = await handler(job);
    if (isJobResult(result)) {
      return result;
    }

    logger.error(`Handler for ${queue.name} returned no valid result for job ${job.id}`);

    return retry;
  } catch (error) {
    logger.warn(`Handler for ${queue.name} threw on job ${job.id}: ${describeError(error)}`);

    return retry;
  }
}

function isJobResult(value: unknown): value is JobResult {
  const outcome = (value as Partial<JobResult> | undefined)?.outcome;

  return outcome === 'done' || outcome === 'retry' || outcome === 'dead';
}
