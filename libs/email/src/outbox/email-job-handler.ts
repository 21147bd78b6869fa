import { isUuid } from '@app/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job, JobResult } from '@app/queue';

import { EmailSendResult, IEmailService, InjectEmailService } from '../email.interface';
import type { RenderedEmail } from '../templates/rendered-email';
import { DeliveryFailure, toDeliveryFailure } from './delivery-failure';
import { EmailOutboxMetrics } from './email-outbox.metrics';
import type { ResolvedEmailOutboxOptions } from './email-outbox.options';
import { RESOLVED_EMAIL_OUTBOX_OPTIONS } from './email-outbox.tokens';
import { UnknownEmailTemplateError } from './email-renderer';
import { nextStepAfterFailure } from './next-step-after-failure';
import { ClaimedEmail, OutboxRows } from './outbox-rows';

const DONE: JobResult = { outcome: 'done' };

/**
 * One job, one email. Delivery is at least once, so the email is sent only after the job moved its
 * row to `sending`; a duplicate, or a job for a row already settled, is acknowledged and skipped.
 */
@Injectable()
export class EmailJobHandler {
  private readonly logger = new Logger(EmailJobHandler.name);

  constructor(
    @Inject(RESOLVED_EMAIL_OUTBOX_OPTIONS) private readonly options: ResolvedEmailOutboxOptions,
    @InjectEmailService() private readonly emailService: IEmailService,
    private readonly rows: OutboxRows,
    private readonly metrics: EmailOutboxMetrics,
  ) {}

  async handle(job: Job): Promise<JobResult> {
    if (!isUuid(job.id)) {
      this.logger.warn(`Job ${job.id} names no email outbox row; dropped`);

      return { outcome: 'dead', reason: 'not an email outbox id' };
    }

    const email = await this.rows.claimForSending(job.id, this.options.leaseMs);
    if (!email) {
      return this.skip(job.id);
    }

    const rendered = this.render(email);
    if ('kind' in rendered) {
      return this.afterFailure(email, rendered);
    }

    const sent = await this.send(email, rendered);
    if ('kind' in sent) {
      return this.afterFailure(email, sent);
    }

    return this.afterSuccess(email, sent);
  }

  /** A row still waiting out its backoff goes back to the queue for what is left of it. */
  private async skip(id: string): Promise<JobResult> {
    const waitMs = await this.rows.msUntilDue(id);
    if (waitMs !== null) {
      return { outcome: 'retry', delayMs: waitMs };
    }

    this.logger.debug(`Email ${id} is already sent, being sent or settled; job skipped`);

    return DONE;
  }

  private render(email: ClaimedEmail): RenderedEmail | DeliveryFailure {
    try {
      return this.options.render(email.template, email.data);
    } catch (error) {
      // A template error may quote the values, which can hold a link with a token.
      const message =
        error instanceof UnknownEmailTemplateError
          ? error.message
          : `Template "${email.template}" could not be rendered (${errorName(error)})`;

      return { kind: 'permanent', message };
    }
  }

  private async send(
    email: ClaimedEmail,
    rendered: RenderedEmail,
  ): Promise<EmailSendResult | DeliveryFailure> {
    try {
      return await this.emailService.send({ to: email.to, ...rendered, customId: email.id });
    } catch (error) {
      return toDeliveryFailure(error);
    }
  }

  private async afterSuccess(email: ClaimedEmail, result: EmailSendResult): Promise<JobResult> {
    const settled = await this.rows.markSent(email, result);
    this.metrics.count('sent');

    if (!settled) {
      this.logger.warn(`Email ${email.id} was sent after another worker took it over`);
    }

    this.logger.debug(`Email ${email.id} (${email.template}) sent through ${result.provider}`);

    return DONE;
  }

  private async afterFailure(email: ClaimedEmail, failure: DeliveryFailure): Promise<JobResult> {
    const next = nextStepAfterFailure(failure, email, this.options);

    switch (next.step) {
      case 'fail':
        return this.failForGood(email, failure);
      case 'dead':
        return this.keepAsDeadLetter(email, failure);
      case 'retry':
        return this.retryLater(email, failure, next);
    }
  }

  /** Nobody may take this email for sent: an error log, a counter, and an admin can resend it. */
  private async failForGood(email: ClaimedEmail, failure: DeliveryFailure): Promise<JobResult> {
    if (!(await this.rows.markFailed(email, failure.message))) {
      return this.takenOver(email);
    }

    this.metrics.count('permanentFailures');
    this.logger.error(`${describeAttempt(email)} failed for good: ${failure.message}`);

    return DONE;
  }

  private async keepAsDeadLetter(
    email: ClaimedEmail,
    failure: DeliveryFailure,
  ): Promise<JobResult> {
    if (!(await this.rows.markDead(email, failure.message))) {
      return this.takenOver(email);
    }

    this.metrics.count('dead');
    this.logger.error(`${describeAttempt(email)} was the last; dead letter: ${failure.message}`);

    return { outcome: 'dead', reason: failure.message };
  }

  private async retryLater(
    email: ClaimedEmail,
    failure: DeliveryFailure,
    next: { delayMs: number; countsAsTimeoutRetry: boolean },
  ): Promise<JobResult> {
    const retry = { ...next, leaseMs: this.options.leaseMs, error: failure.message };
    if (!(await this.rows.markRetrying(email, retry))) {
      return this.takenOver(email);
    }

    this.metrics.count('retried');
    this.logger.warn(
      `${describeAttempt(email)} failed (${failure.kind}: ${failure.message}); ` +
        `again in ${next.delayMs} ms`,
    );

    return { outcome: 'retry', delayMs: next.delayMs };
  }

  /** Our lease ran out and another worker claimed the row: its outcome is the one that counts. */
  private takenOver(email: ClaimedEmail): JobResult {
    this.logger.warn(
      `Email ${email.id} was taken over by another worker during attempt ${email.attempts}`,
    );

    return DONE;
  }
}

function describeAttempt(email: ClaimedEmail): string {
  return `Email ${email.id} (${email.template}), attempt ${email.attempts},`;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
