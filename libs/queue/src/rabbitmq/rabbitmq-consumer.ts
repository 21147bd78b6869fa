import { Logger } from '@nestjs/common';
import { Channel, ConsumeMessage } from 'amqplib';

import { JobHandler, JobResult, QueueDefinition } from '../job-queue.interface';
import { pickRetryDelay } from '../queue-definition';
import { describeError } from '../describe-error';
import { runJobHandler } from '../run-job-handler';
import { settleWithin } from '../settle-within';
import { AmqpSession } from './amqp-session';
import {
  DEAD_REASON_HEADER,
  REDELIVERIES_HEADER,
  decodeJobMessage,
  jobPublishOptions,
  readRedeliveries,
} from './job-message';
import { deadQueueName, retryQueueName } from './queue-topology';

/** Keeps header tables far below amqplib's 64 KiB limit whatever a handler says. */
const MAX_REASON_LENGTH = 1_000;

/**
 * One consumer of a work queue. It is started again on every new session; a delivery is acked
 * only after its retry or dead copy is confirmed, so a cut in between redelivers it (never loses).
 */
export class RabbitMqConsumer {
  private readonly running = new Set<Promise<void>>();

  constructor(
    readonly queue: QueueDefinition,
    private readonly handler: JobHandler,
    private readonly prefetch: number,
    private readonly logger: Logger,
  ) {}

  async start(session: AmqpSession): Promise<void> {
    await session.startConsumer(this, async () => {
      const channel = await session.openConsumerChannel(`consumer channel of ${this.queue.name}`);
      await channel.prefetch(this.prefetch);

      const { consumerTag } = await channel.consume(
        this.queue.name,
        (message) => this.receive(session, channel, message),
        { noAck: false },
      );

      return { channel, consumerTag };
    });
  }

  /** Waits for running handlers to settle, at most `graceMs`; tells whether they all did. */
  drain(graceMs: number): Promise<boolean> {
    return settleWithin([...this.running], graceMs);
  }

  private receive(session: AmqpSession, channel: Channel, message: ConsumeMessage | null): void {
    if (message === null) {
      session.fail(new Error(`the broker cancelled the consumer of ${this.queue.name}`));

      return;
    }

    const work = this.process(session, channel, message).finally(() => this.running.delete(work));
    this.running.add(work);
  }

  private async process(
    session: AmqpSession,
    channel: Channel,
    message: ConsumeMessage,
  ): Promise<void> {
    const decoded = decodeJobMessage(message);
    const jobId = decoded.ok ? decoded.job.id : decoded.jobId;
    const result: JobResult = decoded.ok
      ? await runJobHandler(this.queue, this.handler, decoded.job, this.logger)
      : { outcome: 'dead', reason: decoded.reason };

    try {
      await this.forward(session, message, jobId, result);
      channel.ack(message);
    } catch (error) {
      const note =
        `Job ${jobId} on ${this.queue.name} not settled (${describeError(error)}); ` +
        'the broker will deliver it again';
      if (!session.isAlive) {
        // Expected for every job in flight when a connection drops; the drop itself is a warning.
        this.logger.debug(note);

        return;
      }

      // An unacked delivery on a live channel would hold its prefetch slot for good.
      this.logger.warn(note);
      session.fail(new Error(`could not settle job ${jobId}`));
    }
  }

  /** Puts the retry or dead copy in place (confirmed) before the original may be acked. */
  private async forward(
    session: AmqpSession,
    message: ConsumeMessage,
    jobId: string,
    result: JobResult,
  ): Promise<void> {
    const redeliveries = readRedeliveries(message);

    switch (result.outcome) {
      case 'done':
        return;
      case 'retry': {
        const delayMs = pickRetryDelay(this.queue, result.delayMs);
        const headers = { [REDELIVERIES_HEADER]: redeliveries + 1 };
        await session.confirmSend(
          retryQueueName(this.queue.name, delayMs),
          message.content,
          jobPublishOptions(jobId, headers),
        );

        return;
      }
      case 'dead': {
        const headers = {
          [REDELIVERIES_HEADER]: redeliveries,
          [DEAD_REASON_HEADER]: result.reason.slice(0, MAX_REASON_LENGTH),
        };
        await session.confirmSend(
          deadQueueName(this.queue.name),
          message.content,
          jobPublishOptions(jobId, headers),
        );

        return;
      }
    }
  }
}
