import { Logger } from '@nestjs/common';

import { InvalidQueueConfigError, QueueClosedError } from '../job-queue.errors';
import { Job, JobHandler, JobResult } from '../job-queue.interface';
import { prefetchProbe } from '../../test/prefetch-probe';
import { InProcessJobQueue } from './in-process-job-queue';

const queue = { name: 'email', retryDelaysMs: [40, 300] };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await sleep(5);
  }
}

/** A handler that records each delivery and answers from a script (then 'done'). */
function scriptedHandler(...script: JobResult[]) {
  const deliveries: { job: Job; at: number }[] = [];
  const handler: JobHandler = async (job) => {
    deliveries.push({ job, at: Date.now() });

    return script.shift() ?? { outcome: 'done' };
  };

  return { deliveries, handler };
}

describe('InProcessJobQueue', () => {
  let jobs: InProcessJobQueue;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    jobs = new InProcessJobQueue();
  });

  afterEach(async () => {
    await jobs.close();
  });

  it('delivers a published job once when the handler is done', async () => {
    const { deliveries, handler } = scriptedHandler();
    await jobs.consume(queue, handler);

    await jobs.publish(queue, { id: 'job-1', payload: { to: 'a@example.test' } });
    await waitFor(() => deliveries.length === 1);
    await sleep(60);

    expect(deliveries.map((d) => d.job)).toEqual([
      { id: 'job-1', payload: { to: 'a@example.test' }, redeliveries: 0 },
    ]);
  });

  it('holds jobs published before anyone consumes', async () => {
    await jobs.publish(queue, { id: 'early', payload: {} });
    expect(jobs.readyCount('email')).toBe(1);

    const { deliveries, handler } = scriptedHandler();
    await jobs.consume(queue, handler);

    await waitFor(() => deliveries.length === 1);
    expect(jobs.readyCount('email')).toBe(0);
  });

  it('delivers a retry again after the delay of its tier, counting the redelivery', async () => {
    const { deliveries, handler } = scriptedHandler({ outcome: 'retry', delayMs: 30 });
    await jobs.consume(queue, handler);

    await jobs.publish(queue, { id: 'job-1', payload: {} });
    await waitFor(() => deliveries.length === 2);

    const [first, second] = deliveries;
    expect(second.job.redeliveries).toBe(1);
    expect(second.at - first.at).toBeGreaterThanOrEqual(38);
    expect(second.at - first.at).toBeLessThan(300);
  });

  it('uses the longest tier for a retry longer than all of them', async () => {
    const { deliveries, handler } = scriptedHandler({ outcome: 'retry', delayMs: 60_000 });
    await jobs.consume(queue, handler);

    await jobs.publish(queue, { id: 'job-1', payload: {} });
    await waitFor(() => deliveries.length === 2);

    expect(deliveries[1].at - deliveries[0].at).toBeGreaterThanOrEqual(298);
  });

  it('retries with the first delay when the handler throws', async () => {
    const deliveries: Job[] = [];
    await jobs.consume(queue, async (job) => {
      deliveries.push(job);
      if (deliveries.length === 1) {
        throw new Error('provider down');
      }

      return { outcome: 'done' };
    });

    await jobs.publish(queue, { id: 'job-1', payload: {} });
    await waitFor(() => deliveries.length === 2);

    expect(deliveries.map((job) => job.redeliveries)).toEqual([0, 1]);
  });

  it('keeps a dead job with its reason and does not deliver it again', async () => {
    const { deliveries, handler } = scriptedHandler({ outcome: 'dead', reason: 'bounced' });
    await jobs.consume(queue, handler);

    await jobs.publish(queue, { id: 'job-1', payload: { n: 1 } });
    await waitFor(() => jobs.deadJobs('email').length === 1);
    await sleep(100);

    expect(deliveries).toHaveLength(1);
    expect(jobs.deadJobs()).toEqual([
      {
        queue: 'email',
        reason: 'bounced',
        job: { id: 'job-1', payload: { n: 1 }, redeliveries: 0 },
      },
    ]);
  });

  it('never runs more handlers at once than the prefetch', async () => {
    const probe = prefetchProbe(10);
    await jobs.consume(queue, probe.handler, 3);

    await Promise.all(
      Array.from({ length: 20 }, (_, n) => jobs.publish(queue, { id: `job-${n}`, payload: {} })),
    );
    await waitFor(() => probe.handledCount() === 20);

    expect(probe.mostAtOnce()).toBe(3);
  });

  it('hands the handler a copy, as the wire would', async () => {
    const payload = { when: new Date(0), tags: ['a'] };
    const { deliveries, handler } = scriptedHandler();
    await jobs.consume(queue, handler);

    await jobs.publish(queue, { id: 'job-1', payload });
    payload.tags.push('changed after publish');
    await waitFor(() => deliveries.length === 1);

    expect(deliveries[0].job.payload).toEqual({ when: '1970-01-01T00:00:00.000Z', tags: ['a'] });
  });

  it('refuses a second definition of a queue with other delays', async () => {
    await jobs.publish(queue, { id: 'job-1', payload: {} });

    await expect(
      jobs.publish({ name: 'email', retryDelaysMs: [5] }, { id: 'job-2', payload: {} }),
    ).rejects.toThrow(InvalidQueueConfigError);
  });

  it('refuses work after close and drops pending retries without waiting for them', async () => {
    const { deliveries, handler } = scriptedHandler({ outcome: 'retry', delayMs: 60_000 });
    await jobs.consume(queue, handler);
    await jobs.publish(queue, { id: 'job-1', payload: {} });
    await waitFor(() => deliveries.length === 1);

    const started = Date.now();
    await jobs.close();

    expect(Date.now() - started).toBeLessThan(100);
    await expect(jobs.publish(queue, { id: 'job-2', payload: {} })).rejects.toThrow(
      QueueClosedError,
    );
  });

  it('lets a running handler finish on close', async () => {
    let finished = false;
    await jobs.consume(queue, async () => {
      await sleep(50);
      finished = true;

      return { outcome: 'done' };
    });
    await jobs.publish(queue, { id: 'job-1', payload: {} });
    await sleep(5);

    await jobs.close();

    expect(finished).toBe(true);
  });
});
