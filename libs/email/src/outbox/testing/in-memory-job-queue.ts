import type { IJobQueue, Job, JobHandler, JobResult, QueueDefinition } from '@app/queue';

interface Consumer {
  queue: string;
  handler: JobHandler;
  prefetch: number;
  running: number;
}

/**
 * A broker in memory for outbox tests: competing consumers, prefetch, retry delays picked like
 * the retry queues do. It records what was published and can refuse publishes.
 */
export class InMemoryJobQueue implements IJobQueue {
  readonly published: string[] = [];
  readonly retried: Array<{ id: string; delayMs: number }> = [];
  readonly dead: Array<{ id: string; reason: string }> = [];

  private readonly ready = new Map<string, Job[]>();
  private readonly definitions = new Map<string, QueueDefinition>();
  private readonly consumers: Consumer[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private refusedPublishes = 0;
  private nextConsumer = 0;
  private closed = false;

  /** The next `count` publishes reject, as when the broker is away. */
  refuseNextPublishes(count: number): void {
    this.refusedPublishes = count;
  }

  async publish(queue: QueueDefinition, job: Omit<Job, 'redeliveries'>): Promise<void> {
    if (this.refusedPublishes > 0) {
      this.refusedPublishes -= 1;
      throw new Error('broker unavailable (scripted)');
    }

    this.definitions.set(queue.name, queue);
    this.published.push(job.id);
    this.push(queue.name, { ...job, redeliveries: 0 });
  }

  async consume(queue: QueueDefinition, handler: JobHandler, prefetch = 10): Promise<void> {
    this.definitions.set(queue.name, queue);
    this.consumers.push({ queue: queue.name, handler, prefetch, running: 0 });
    this.dispatchSoon(queue.name);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) {
      clearTimeout(timer);
    }

    await Promise.allSettled([...this.running]);
  }

  publishCount(id: string): number {
    return this.published.filter((published) => published === id).length;
  }

  private push(queue: string, job: Job): void {
    const ready = this.ready.get(queue) ?? [];
    ready.push(job);
    this.ready.set(queue, ready);
    this.dispatchSoon(queue);
  }

  private dispatchSoon(queue: string): void {
    queueMicrotask(() => this.dispatch(queue));
  }

  private dispatch(queue: string): void {
    const ready = this.ready.get(queue) ?? [];

    while (!this.closed && ready.length > 0) {
      const consumer = this.freeConsumer(queue);
      if (!consumer) {
        return;
      }

      this.deliver(queue, consumer, ready.shift() as Job);
    }
  }

  private freeConsumer(queue: string): Consumer | undefined {
    const count = this.consumers.length;

    for (let step = 0; step < count; step += 1) {
      const index = (this.nextConsumer + step) % count;
      const consumer = this.consumers[index];
      if (consumer.queue === queue && consumer.running < consumer.prefetch) {
        this.nextConsumer = index + 1;

        return consumer;
      }
    }

    return undefined;
  }

  private deliver(queue: string, consumer: Consumer, job: Job): void {
    consumer.running += 1;

    const work = consumer
      .handler(job)
      .catch((): JobResult => ({ outcome: 'retry', delayMs: 1 }))
      .then((result) => this.settle(queue, job, result))
      .finally(() => {
        consumer.running -= 1;
        this.running.delete(work);
        this.dispatch(queue);
      });
    this.running.add(work);
  }

  private settle(queue: string, job: Job, result: JobResult): void {
    switch (result.outcome) {
      case 'done':
        return;
      case 'dead':
        this.dead.push({ id: job.id, reason: result.reason });

        return;
      case 'retry':
        this.retried.push({ id: job.id, delayMs: result.delayMs });
        this.retryAfter(queue, job, this.retryQueueDelay(queue, result.delayMs));

        return;
    }
  }

  /** Like the broker's retry queues: the smallest delay at least as long as asked. */
  private retryQueueDelay(queue: string, requestedMs: number): number {
    const delays = [...(this.definitions.get(queue)?.retryDelaysMs ?? [requestedMs])];
    delays.sort((a, b) => a - b);

    return delays.find((delay) => delay >= requestedMs) ?? delays[delays.length - 1];
  }

  private retryAfter(queue: string, job: Job, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.push(queue, { ...job, redeliveries: job.redeliveries + 1 });
    }, delayMs);
    this.timers.add(timer);
  }
}
