import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import type { EmailSendResult } from '../email.interface';
import { EmailOutboxEntry } from './email-outbox-entry.entity';
import { queryRows } from './query-rows';

/** A row a worker holds; `attempts` (this attempt included) fences every later update. */
export interface ClaimedEmail {
  id: string;
  template: string;
  to: string;
  data: Record<string, unknown>;
  attempts: number;
  timeoutRetries: number;
}

interface ClaimedRow {
  id: string;
  template: string;
  to_address: string;
  data: Record<string, unknown>;
  attempts: number;
  timeout_retries: number;
}

const ms = (parameter: string): string =>
  `(${parameter}::double precision * interval '1 millisecond')`;

/** The statements that move a row through delivery; each is one short transaction. */
@Injectable()
export class OutboxRows {
  constructor(
    @InjectRepository(EmailOutboxEntry) private readonly rows: Repository<EmailOutboxEntry>,
  ) {}

  /**
   * Due rows, and rows whose lease ran out (a crash, a lost message), become `queued` under a new
   * lease. SKIP LOCKED lets many relays claim at once without taking the same row.
   */
  async claimForRelay(batchSize: number, leaseMs: number): Promise<string[]> {
    const claimed = await queryRows<{ id: string }>(
      this.rows.manager,
      `UPDATE email_outbox AS entry
          SET status = 'queued', locked_until = now() + ${ms('$2')}, updated_at = now()
         FROM (
           SELECT id FROM email_outbox
            WHERE status IN ('pending', 'queued', 'sending', 'retrying')
              AND (locked_until IS NULL OR locked_until < now())
              AND (status IN ('queued', 'sending') OR next_attempt_at <= now())
            ORDER BY next_attempt_at
            LIMIT $1
              FOR UPDATE SKIP LOCKED
         ) AS due
        WHERE entry.id = due.id
      RETURNING entry.id`,
      [batchSize, leaseMs],
    );

    return claimed.map((row) => row.id);
  }

  /** Null when the row is not there to send: already sent, held by a worker, or not yet due. */
  async claimForSending(id: string, leaseMs: number): Promise<ClaimedEmail | null> {
    const [row] = await queryRows<ClaimedRow>(
      this.rows.manager,
      `UPDATE email_outbox
          SET status = 'sending', attempts = attempts + 1,
              locked_until = now() + ${ms('$2')}, updated_at = now()
        WHERE id = $1
          AND (status = 'queued' OR (status IN ('pending', 'retrying') AND next_attempt_at <= now()))
      RETURNING id, template, to_address, data, attempts, timeout_retries`,
      [id, leaseMs],
    );

    return row ? toClaimedEmail(row) : null;
  }

  /** How long until a waiting row is due; null when the row is not waiting at all. */
  async msUntilDue(id: string): Promise<number | null> {
    const [row] = await queryRows<{ wait_ms: number }>(
      this.rows.manager,
      `SELECT CEIL(EXTRACT(EPOCH FROM (next_attempt_at - now())) * 1000)::float8 AS wait_ms
         FROM email_outbox
        WHERE id = $1 AND status IN ('pending', 'retrying') AND next_attempt_at > now()`,
      [id],
    );

    return row ? Math.max(1, row.wait_ms) : null;
  }

  /** The template values go: they hold links with tokens, and a sent email never needs them. */
  markSent(email: ClaimedEmail, result: EmailSendResult): Promise<boolean> {
    return this.settle(
      email,
      `status = 'sent', provider = $3, provider_message_id = $4, sent_at = now(),
       locked_until = NULL, last_error = NULL, data = '{}'::jsonb`,
      [result.provider, result.providerMessageId],
    );
  }

  /** The queue brings it back after `delayMs`; the lease beyond that is the relay's safety net. */
  markRetrying(
    email: ClaimedEmail,
    retry: { delayMs: number; leaseMs: number; error: string; countsAsTimeoutRetry: boolean },
  ): Promise<boolean> {
    return this.settle(
      email,
      `status = 'retrying', next_attempt_at = now() + ${ms('$3')},
       locked_until = now() + ${ms('$3')} + ${ms('$4')}, last_error = $5,
       timeout_retries = timeout_retries + $6`,
      [retry.delayMs, retry.leaseMs, retry.error, retry.countsAsTimeoutRetry ? 1 : 0],
    );
  }

  markFailed(email: ClaimedEmail, error: string): Promise<boolean> {
    return this.settle(email, `status = 'failed', locked_until = NULL, last_error = $3`, [error]);
  }

  markDead(email: ClaimedEmail, error: string): Promise<boolean> {
    return this.settle(email, `status = 'dead', locked_until = NULL, last_error = $3`, [error]);
  }

  /** False when another worker took the row over after this one's lease ran out. */
  private async settle(email: ClaimedEmail, set: string, values: unknown[]): Promise<boolean> {
    const settled = await queryRows<{ id: string }>(
      this.rows.manager,
      `UPDATE email_outbox SET ${set}, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND attempts = $2
      RETURNING id`,
      [email.id, email.attempts, ...values],
    );

    return settled.length === 1;
  }
}

function toClaimedEmail(row: ClaimedRow): ClaimedEmail {
  return {
    id: row.id,
    template: row.template,
    to: row.to_address,
    data: row.data,
    attempts: row.attempts,
    timeoutRetries: row.timeout_retries,
  };
}
