import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ConflictError, InvalidRequestError, isUuid, NotFoundError } from '@app/common';
import { Repository } from 'typeorm';

import { EmailOutboxEntry } from './email-outbox-entry.entity';
import { EMAIL_OUTBOX_STATUSES, EmailOutboxStatus } from './email-outbox-status';
import { OutboxRelay } from './outbox-relay';
import { queryRows } from './query-rows';

export interface EmailOutboxQuery {
  status?: EmailOutboxStatus;
  to?: string;
  /** Default 100, at most 500. */
  limit?: number;
}

/** What an admin sees of an email: never its template values, which can hold links. */
export interface EmailOutboxSummary {
  id: string;
  template: string;
  to: string;
  status: EmailOutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

@Injectable()
export class EmailOutboxAdmin {
  constructor(
    @InjectRepository(EmailOutboxEntry) private readonly rows: Repository<EmailOutboxEntry>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Newest first. */
  async list(query: EmailOutboxQuery = {}): Promise<EmailOutboxSummary[]> {
    const found = this.rows
      .createQueryBuilder('email')
      .select(['email.id', 'email.template', 'email.toAddress', 'email.status'])
      .addSelect(['email.attempts', 'email.lastError', 'email.createdAt', 'email.sentAt'])
      .orderBy('email.createdAt', 'DESC')
      .addOrderBy('email.id', 'DESC')
      .limit(listLimit(query.limit));

    if (query.status !== undefined) {
      found.andWhere('email.status = :status', { status: checkedStatus(query.status) });
    }
    if (query.to !== undefined) {
      found.andWhere('lower(email.toAddress) = lower(:to)', { to: query.to.trim() });
    }

    return (await found.getMany()).map(toSummary);
  }

  /** A failed or dead email starts over, with all its attempts, as if it had just been enqueued. */
  async retry(id: string): Promise<void> {
    if (!isUuid(id)) {
      throw new NotFoundError(`No email with id ${id}`);
    }

    const [restarted] = await queryRows<{ id: string }>(
      this.rows.manager,
      `UPDATE email_outbox
          SET status = 'pending', attempts = 0, timeout_retries = 0, next_attempt_at = now(),
              locked_until = NULL, updated_at = now()
        WHERE id = $1 AND status IN ('failed', 'dead')
      RETURNING id`,
      [id],
    );
    if (!restarted) {
      throw await this.whyNotRetried(id);
    }

    this.relay.kick();
  }

  private async whyNotRetried(id: string): Promise<Error> {
    const found = await this.rows.findOne({ where: { id }, select: { id: true, status: true } });
    if (!found) {
      return new NotFoundError(`No email with id ${id}`);
    }

    return new ConflictError(
      `Email ${id} is ${found.status}; only a failed or dead email can be sent again`,
    );
  }
}

function listLimit(limit: number | undefined): number {
  if (limit === undefined) {
    return DEFAULT_LIMIT;
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new InvalidRequestError(`limit must be an integer from 1 to ${MAX_LIMIT}`);
  }

  return limit;
}

function checkedStatus(status: string): EmailOutboxStatus {
  if (!(EMAIL_OUTBOX_STATUSES as readonly string[]).includes(status)) {
    throw new InvalidRequestError(`status must be one of ${EMAIL_OUTBOX_STATUSES.join(', ')}`);
  }

  return status as EmailOutboxStatus;
}

function toSummary(row: EmailOutboxEntry): EmailOutboxSummary {
  return {
    id: row.id,
    template: row.template,
    to: row.toAddress,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}
