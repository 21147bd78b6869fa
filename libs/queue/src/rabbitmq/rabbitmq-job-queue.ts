import { Logger } from '@nestjs/common';
import { Options } from 'amqplib';

import {
  InvalidQueueConfigError,
  JobPublishError,
  QueueClosedError,
  QueueUnavailableError,
} from '../job-queue.errors';
import { IJobQueue, Job, JobHandler, QueueDefinition } from '../job-queue.interface';
import {
  DEFAULT_PREFETCH,
  assertValidPrefetch,
  assertValidQueueDefinition,
  sameQueueDefinition,
} from '../queue-definition';
import { describeError } from '../describe-error';
import { AmqpSession, UnroutableMessageError } from './amqp-session';
import { encodeJobBody, jobPublishOptions } from './job-message';
import { RabbitMqConsumer } from './rabbitmq-consumer';
import { DEFAULT_RECONNECT_BACKOFF, ReconnectBackoff } from './reconnect-backoff';
import { SessionSupervisor } from './session-supervisor';

export interface RabbitMqJobQueueOptions {
  /** amqp:// or amqps:// URL; its password is masked in every log line. */
  url: string;
  /** Shown by the broker (`rabbitmqctl list_connections name client_properties`). */
  connectionName?: string;
  reconnect?: ReconnectBackoff;
  /** How long publish (and consume) wait for a connection before they reject. Default 30 s. */
  publishTimeoutMs?: number;
}

const DEFAULT_PUBLISH_TIMEOUT_MS = 30_000;

/** How long close() lets running handlers finish before it disconnects anyway. */
const CLOSE_GRACE_MS = 5_000;

export class RabbitMqJobQueue implements IJobQueue {
  private readonly logger = new Logger(RabbitMqJobQueue.name);
  private readonly supervisor: SessionSupervisor;
  private readonly publishTimeoutMs: number;
  private readonly definitions = new Map<string, QueueDefinition>();
  private readonly consumers = new Set<RabbitMqConsumer>();
  private closed = false;

  constructor(options: RabbitMqJobQueueOptions) {
    assertAmqpUrl(options.url);

    this.publishTimeoutMs = options.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS;
    this.supervisor = new SessionSupervisor({
      url: options.url,
      connectionName: options.connectionName ?? `job-queue-${process.pid}`,
      backoff: options.reconnect ?? DEFAULT_RECONNECT_BACKOFF,
      logger: this.logger,
      prepare: (session) => this.prepare(session),
    });
  }

  /** True while a connection is up; for health checks, never throws. */
  get isConnected(): boolean {
    return this.supervisor.session !== null;
  }

  /** Starts connecting in the background; publish and consume also start it. */
  start(): void {
    this.assertOpen();
    this.supervisor.start();
  }

  async publish(queue: QueueDefinition, job: Omit<Job, 'redeliveries'>): Promise<void> {
    this.checkDefinition(queue);
    this.start();

    const content = encodeJobBody(job);
    const options = jobPublishOptions(job.id);

    try {
      await this.withSession(async (session) => {
        await this.declare(session, queue);
        await this.sendOrRedeclare(session, queue, content, options);
      });
    } catch (error) {
      if (error instanceof QueueClosedError) {
        throw error;
      }
      throw new JobPublishError(queue.name, job.id, describeError(error), { cause: error });
    }
  }

  async consume(
    queue: QueueDefinition,
    handler: JobHandler,
    prefetch = DEFAULT_PREFETCH,
  ): Promise<void> {
    assertValidPrefetch(prefetch);
    this.checkDefinition(queue);
    this.start();

    const consumer = new RabbitMqConsumer(queue, handler, prefetch, this.logger);

    try {
      await this.withSession(async (session) => {
        await this.declare(session, queue);

        // Known before it starts, so a reconnect from here on starts it on the new session too.
        this.consumers.add(consumer);
        await consumer.start(session);
      });
    } catch (error) {
      this.consumers.delete(consumer);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closed) {
      return;
    }

    this.closed = true;
    const session = await this.supervisor.stop();
    const consumers = [...this.consumers];

    if (session) {
      await Promise.all(consumers.map((consumer) => session.cancelConsumer(consumer)));
    }

    const drained = await Promise.all(consumers.map((consumer) => consumer.drain(CLOSE_GRACE_MS)));
    if (drained.includes(false)) {
      this.logger.warn('Closing with handlers still running; their jobs will be delivered again');
    }

    await session?.close();
    this.logger.log('Closed');
  }

  /** A queue deleted under a live session is declared again once, rather than the job dropped. */
  private async sendOrRedeclare(
    session: AmqpSession,
    queue: QueueDefinition,
    content: Buffer,
    options: Options.Publish,
  ): Promise<void> {
    try {
      await session.confirmSend(queue.name, content, options);
    } catch (error) {
      if (!(error instanceof UnroutableMessageError)) {
        throw error;
      }

      this.logger.warn(`Queue ${queue.name} was gone; declaring it again`);
      session.forgetDeclaration(queue.name);
      await this.declare(session, queue);
      await session.confirmSend(queue.name, content, options);
    }
  }

  /** Every new session gets the known topology and the consumers back. */
  private async prepare(session: AmqpSession): Promise<void> {
    for (const queue of this.definitions.values()) {
      await session.declare(queue);
    }

    for (const consumer of this.consumers) {
      await consumer.start(session);
    }
  }

  /** Runs the step on the live session; if that session dies under it, runs it on the next one. */
  private async withSession(step: (session: AmqpSession) => Promise<void>): Promise<void> {
    const deadline = Date.now() + this.publishTimeoutMs;

    for (;;) {
      const session = await this.nextSession(deadline);

      try {
        await step(session);

        return;
      } catch (error) {
        if (session.isAlive || this.closed) {
          throw error;
        }
      }
    }
  }

  private async nextSession(deadline: number): Promise<AmqpSession> {
    try {
      return await this.supervisor.waitForSession(Math.max(0, deadline - Date.now()));
    } catch (error) {
      // Report the whole wait, not what was left of it after a lost session.
      throw error instanceof QueueUnavailableError
        ? new QueueUnavailableError(this.publishTimeoutMs)
        : error;
    }
  }

  /** Remembered only once the broker accepted it, so a refused one cannot stall reconnects. */
  private async declare(session: AmqpSession, queue: QueueDefinition): Promise<void> {
    await session.declare(queue);
    this.definitions.set(queue.name, queue);
  }

  private checkDefinition(queue: QueueDefinition): void {
    this.assertOpen();
    assertValidQueueDefinition(queue);

    const known = this.definitions.get(queue.name);
    if (known && !sameQueueDefinition(known, queue)) {
      throw new InvalidQueueConfigError(`Queue ${queue.name} is already defined with other delays`);
    }
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new QueueClosedError();
    }
  }
}

function assertAmqpUrl(url: string): void {
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';

  // The message never repeats the URL: it may hold a password.
  if (protocol !== 'amqp:' && protocol !== 'amqps:') {
    throw new InvalidQueueConfigError('The queue URL must be an amqp:// or amqps:// URL');
  }
}
