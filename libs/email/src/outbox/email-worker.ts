import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import {
  IJobQueue,
  InjectJobQueue,
  InvalidQueueConfigError,
  Job,
  JobResult,
  QueueClosedError,
  QueueDefinition,
} from '@app/queue';

import { describeError } from './describe-error';
import { EmailJobHandler } from './email-job-handler';
import type { ResolvedEmailOutboxOptions } from './email-outbox.options';
import { EMAIL_QUEUE_DEFINITION, RESOLVED_EMAIL_OUTBOX_OPTIONS } from './email-outbox.tokens';
import { settleWithin } from './settle-within';

/** How long to wait before asking the queue again when it cannot take a consumer yet. */
const CONSUME_RETRY_MS = 5_000;

/** How long shutdown waits for sends in flight; a send cut short is taken again after its lease. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Consumes the email work queue while the application runs (when `runWorker` is on). */
@Injectable()
export class EmailWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EmailWorker.name);
  private readonly inFlight = new Set<Promise<JobResult>>();
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    @Inject(RESOLVED_EMAIL_OUTBOX_OPTIONS) private readonly options: ResolvedEmailOutboxOptions,
    @Inject(EMAIL_QUEUE_DEFINITION) private readonly queue: QueueDefinition,
    @InjectJobQueue() private readonly jobQueue: IJobQueue,
    private readonly handler: EmailJobHandler,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.runWorker) {
      this.startConsuming();
    }
  }

  /** Runs before the database closes, so the sends in flight get to record their outcome. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);

    if (!(await settleWithin([...this.inFlight], SHUTDOWN_GRACE_MS))) {
      this.logger.warn('Stopped with sends in flight; their rows are taken again after the lease');
    }
  }

  private handle(job: Job): Promise<JobResult> {
    // The queue may deliver until it closes; such a job comes back later, to another copy.
    if (this.stopped) {
      return Promise.resolve({ outcome: 'retry', delayMs: this.queue.retryDelaysMs[0] });
    }

    const handling = this.handler.handle(job).finally(() => this.inFlight.delete(handling));
    this.inFlight.add(handling);

    return handling;
  }

  /** The broker may be down at boot: the app starts anyway and the consumer follows. */
  private startConsuming(): void {
    if (this.stopped) {
      return;
    }

    this.jobQueue
      .consume(this.queue, (job) => this.handle(job), this.options.prefetch)
      .catch((error: unknown) => {
        if (error instanceof QueueClosedError || this.stopped) {
          return;
        }
        if (error instanceof InvalidQueueConfigError) {
          this.logger.error(`Cannot consume ${this.queue.name}: ${error.message}`);

          return;
        }

        this.logger.warn(`Cannot consume ${this.queue.name} yet: ${describeError(error)}`);
        this.retryTimer = setTimeout(() => this.startConsuming(), CONSUME_RETRY_MS);
        this.retryTimer.unref();
      });
  }
}
