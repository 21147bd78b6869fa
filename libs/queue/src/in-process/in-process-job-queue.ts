import { AsyncResource } from 'node:async_hooks';
import { Logger } from '@nestjs/common';

import { InvalidQueueConfigError, QueueClosedError } from '../job-queue.errors';
import { IJobQueue, Job, JobHandler, JobResult, QueueDefinition } from '../job-queue.interface';
import {
  DEFAULT_PREFETCH,
  assertValidPrefetch,
  assertValidQueueDefinition,
  pickRetryDelay,
  sameQueueDefinition,
} from '../queue-definition';
import { runJobHandler } from '../run-job-handler';
import { settleWithin } from '../settle-within';

export interface DeadJob {
  queue: string;
  job: Job;
  reason: string;
}

interface LocalConsumer {
  handler: JobHandler;
  prefetch: number;
  running: number;
  /** Runs work in the context consume() was called from, not in the publisher's request. */
  runDetached: <T>(work: () => T) => T;
}

interface LocalQueue {
  definition: QueueDefinition;
  ready: Job[];
  consumers: LocalConsumer[];
  nextConsumer: number;
}

/** How long close() lets running handlers finish. */
const CLOSE_GRACE_MS = 5_000;

/**
 * The queue semantics in memory, for a laptop without RabbitMQ. Jobs live only as long as the
 * process: the outbox table is the source of truth and publishes again what was lost.
 */
export class InProcessJobQueue implements IJobQueue {
  private readonly logger = new Logger(InProcessJobQueue.name);
  private readonly queues = new Map<string, LocalQueue>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private readonly dead: DeadJob[] = [];
  private closed = false;

  async publish(queue: QueueDefinition, job: Omit<Job, 'redeliveries'>): Promise<void> {
    const local = this.localQueue(queue);

    // The same JSON round trip as on the wire, so both drivers hand handlers the same values.
    local.ready.push({ id: job.id, payload: copyPayload(job.payload), redeliveries: 0 });
    this.dispatchSoon(local);
  }

  async consume(
    queue: QueueDefinition,
    handler: JobHandler,
    prefetch = DEFAULT_PREFETCH,
  ): Promise<void> {
    assertValidPrefetch(prefetch);
    const local = this.localQueue(queue);

    const runDetached = AsyncResource.bind(<T>(work: () => T): T => work());
    local.consumers.push({ handler, prefetch, running: 0, runDetached });
    this.dispatchSoon(local);
  }

  /** Jobs a handler declared dead, oldest first. */
  deadJobs(queueName?: string): DeadJob[] {
    return this.dead.filter((entry) => queueName === undefined || entry.queue === queueName);
  }

  /** Jobs waiting for a free consumer; jobs waiting out a retry delay are not counted. */
  readyCount(queueName: string): number {
    return this.queues.get(queueName)?.ready.length ?? 0;
  }

  async close(): Promise<void> {
    if (this.closed) {
      return;
    }

    this.closed = true;
    for (const timer of this.retryTimers) {
      clearTimeout(timer);
    }
    this.retryTimers.clear();

    const drained = await settleWithin([...this.running], CLOSE_GRACE_MS);
    if (!drained) {
      this.logger.warn('Closed with handlers still running');
    }
  }

  private localQueue(queue: QueueDefinition): LocalQueue {
    if (this.closed) {
      throw new QueueClosedError();
    }
    assertValidQueueDefinition(queue);

    const known = this.queues.get(queue.name);
    if (known && !sameQueueDefinition(known.definition, queue)) {
      throw new InvalidQueueConfigError(`Queue ${queue.name} is already defined with other delays`);
    }
    if (known) {
      return known;
    }

    const created: LocalQueue = { definition: queue, ready: [], consumers: [], nextConsumer: 0 };
    this.queues.set(queue.name, created);

    return created;
  }

  /** Handlers never start inside the publish call, as with a broker in between. */
  private dispatchSoon(local: LocalQueue): void {
    queueMicrotask(() => this.dispatch(local));
  }

  private dispatch(local: LocalQueue): void {
    while (!this.closed && local.ready.length > 0) {
      const consumer = this.freeConsumer(local);
      if (!consumer) {
        return;
      }

      const job = local.ready.shift() as Job;
      this.deliver(local, consumer, job);
    }
  }

  /** Round robin over the consumers that are under their prefetch. */
  private freeConsumer(local: LocalQueue): LocalConsumer | undefined {
    const count = local.consumers.length;

    for (let step = 0; step < count; step += 1) {
      const index = (local.nextConsumer + step) % count;
      const consumer = local.consumers[index];
      if (consumer.running < consumer.prefetch) {
        local.nextConsumer = (index + 1) % count;

        return consumer;
      }
    }

    return undefined;
  }

  private deliver(local: LocalQueue, consumer: LocalConsumer, job: Job): void {
    consumer.running += 1;

    const delivery = { ...job, payload: copyPayload(job.payload) };
    const work = consumer
      .runDetached(() => runJobHandler(local.definition, consumer.handler, delivery, this.logger))
      .then((result) => this.settle(local, job, result))
      .finally(() => {
        this.running.delete(work);
        consumer.running -= 1;
        this.dispatch(local);
      });
    this.running.add(work);
  }

  private settle(local: LocalQueue, job: Job, result: JobResult): void {
    switch (result.outcome) {
      case 'done':
        return;
      case 'retry':
        this.retryLater(local, job, pickRetryDelay(local.definition, result.delayMs));

        return;
      case 'dead':
        this.dead.push({ queue: local.definition.name, job, reason: result.reason });

        return;
    }
  }

  private retryLater(local: LocalQueue, job: Job, delayMs: number): void {
    if (this.closed) {
      return;
    }

    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      local.ready.push({ ...job, redeliveries: job.redeliveries + 1 });
      this.dispatch(local);
    }, delayMs);

    // A pending retry never keeps the process alive: the outbox publishes it again.
    timer.unref();
    this.retryTimers.add(timer);
  }
}

function copyPayload(payload: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
}
