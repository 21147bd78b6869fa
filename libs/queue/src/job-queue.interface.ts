import { Inject } from '@nestjs/common';

export const JOB_QUEUE = Symbol('JOB_QUEUE');

export const InjectJobQueue = (): ParameterDecorator => Inject(JOB_QUEUE);

export interface Job {
  /** Stable id of the work (e.g. the outbox row id): duplicates carry the same id. */
  id: string;
  payload: Record<string, unknown>;
  /** How many times this job went through a retry queue before this delivery. */
  redeliveries: number;
}

export type JobResult =
  { outcome: 'done' } | { outcome: 'retry'; delayMs: number } | { outcome: 'dead'; reason: string };

/** A handler that throws is treated as `retry` with the queue's first delay. */
export type JobHandler = (job: Job) => Promise<JobResult>;

export interface QueueDefinition {
  name: string;
  /** Delays of the retry queues; a retry goes to the smallest one at least as long as asked. */
  retryDelaysMs: number[];
}

/**
 * Delivery is at least once: a job can reach a handler twice (after a reconnect, or a crash
 * between handling and acknowledging), so handlers must be idempotent on `Job.id`.
 */
export interface IJobQueue {
  /** Resolves only when the job is safely held (broker confirm, or in memory in-process). */
  publish(queue: QueueDefinition, job: Omit<Job, 'redeliveries'>): Promise<void>;
  /** Starts delivering jobs to the handler, at most `prefetch` (default 10) at once. */
  consume(queue: QueueDefinition, handler: JobHandler, prefetch?: number): Promise<void>;
  /** Stops delivering, lets running handlers finish for a short grace period, then disconnects. */
  close(): Promise<void>;
}
