import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { PassLoop } from '@app/common';
import { IJobQueue, InjectJobQueue, QueueDefinition } from '@app/queue';

import type { ResolvedEmailOutboxOptions } from './email-outbox.options';
import { EMAIL_QUEUE_DEFINITION, RESOLVED_EMAIL_OUTBOX_OPTIONS } from './email-outbox.tokens';
import { OutboxRows } from './outbox-rows';
import { describeError } from './describe-error';

/** A backlog is drained in one pass up to this many batches; the rest waits for the next tick. */
const MAX_BATCHES_PER_PASS = 20;

/**
 * Commits this close together share one pass: under load one claim takes a batch of emails
 * instead of one each (measured with `npm run bench:webhook`), and an email waits this long more.
 */
const KICK_COALESCE_MS = 20;

/**
 * Hands due rows to the work queue after they are committed as `queued`. A publish that fails
 * leaves the row under its lease; when the lease ends the row is claimed and published again.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly loop: PassLoop;

  constructor(
    @Inject(RESOLVED_EMAIL_OUTBOX_OPTIONS) private readonly options: ResolvedEmailOutboxOptions,
    @Inject(EMAIL_QUEUE_DEFINITION) private readonly queue: QueueDefinition,
    @InjectJobQueue() private readonly jobQueue: IJobQueue,
    private readonly rows: OutboxRows,
  ) {
    this.loop = new PassLoop({
      pass: () => this.pass(),
      intervalMs: options.relayIntervalMs,
      coalesceMs: KICK_COALESCE_MS,
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Runs a pass soon, or soon after the running one, instead of waiting for the next tick. */
  kick(): void {
    this.loop.kick();
  }

  /** Never throws: a failed pass is logged and the next tick tries again. */
  private async pass(): Promise<void> {
    try {
      for (let batch = 0; batch < MAX_BATCHES_PER_PASS && !this.loop.stopping; batch += 1) {
        const ids = await this.rows.claimForRelay(this.options.batchSize, this.options.leaseMs);
        await this.publish(ids);

        if (ids.length < this.options.batchSize) {
          return;
        }
      }
    } catch (error) {
      this.logger.warn(`Relay pass failed, the next one tries again: ${describeError(error)}`);
    }
  }

  private async publish(ids: string[]): Promise<void> {
    const published = await Promise.allSettled(
      ids.map((id) => this.jobQueue.publish(this.queue, { id, payload: {} })),
    );

    const failures = published.filter((result) => result.status === 'rejected');
    if (failures.length > 0) {
      this.logger.warn(
        `${failures.length} of ${ids.length} emails were not handed to ${this.queue.name}; ` +
          `they are taken again when their lease ends: ${describeError(failures[0].reason)}`,
      );
    }
  }
}
