import { AsyncResource } from 'node:async_hooks';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
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
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private passRequested = false;
  private kickScheduled = false;
  private stopped = true;
  /** Passes run in the bootstrap context: a kick from a request must not lend it its id. */
  private runDetached: <T>(work: () => T) => T = (work) => work();

  constructor(
    @Inject(RESOLVED_EMAIL_OUTBOX_OPTIONS) private readonly options: ResolvedEmailOutboxOptions,
    @Inject(EMAIL_QUEUE_DEFINITION) private readonly queue: QueueDefinition,
    @InjectJobQueue() private readonly jobQueue: IJobQueue,
    private readonly rows: OutboxRows,
  ) {}

  onApplicationBootstrap(): void {
    this.runDetached = AsyncResource.bind(<T>(work: () => T): T => work());
    this.stopped = false;
    this.kick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);

    await this.running;
  }

  /** Runs a pass soon, or soon after the running one, instead of waiting for the next tick. */
  kick(): void {
    if (this.stopped || this.kickScheduled) {
      return;
    }
    if (this.running) {
      this.passRequested = true;

      return;
    }

    clearTimeout(this.timer);
    this.kickScheduled = true;
    this.timer = setTimeout(() => {
      this.kickScheduled = false;
      this.startPass();
    }, KICK_COALESCE_MS);
    this.timer.unref();
  }

  private startPass(): void {
    if (this.stopped) {
      return;
    }

    this.running = this.runDetached(() =>
      this.pass().finally(() => {
        this.running = undefined;
        this.afterPass();
      }),
    );
  }

  private afterPass(): void {
    if (this.passRequested) {
      this.passRequested = false;
      this.kick();

      return;
    }
    if (this.stopped) {
      return;
    }

    this.timer = setTimeout(() => this.startPass(), this.options.relayIntervalMs);
    // The relay never keeps a process alive on its own.
    this.timer.unref();
  }

  /** Never throws: a failed pass is logged and the next tick tries again. */
  private async pass(): Promise<void> {
    try {
      for (let batch = 0; batch < MAX_BATCHES_PER_PASS && !this.stopped; batch += 1) {
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
