import { preparedStatement, runPrepared, type PreparedStatement } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import type { EmailSendResult } from '../email.interface';
import { EmailOutboxEntry } from './email-outbox-entry.entity';

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

// Prepared: each email takes two of these statements, and a burst of checkouts many emails.
const CLAIM_FOR_RELAY = preparedStatement(
  'email_outbox.claim_for_relay',
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
);

const CLAIM_FOR_SENDING = preparedStatement(
  'email_outbox.claim_for_sending',
  `UPDATE email_outbox
          SET status = 'sending', attempts = attempts + 1,
              locked_until = now() + ${ms('$2')}, updated_at = now()
        WHERE id = $1
          AND (status = 'queued' OR (status IN ('pending', 'retrying') AND next_attempt_at <= now()))
      RETURNING id, template, to_address, data, attempts, timeout_retries`,
);

const MS_UNTIL_DUE = preparedStatement(
  'email_outbox.ms_until_due',
  `SELECT CEIL(EXTRACT(EPOCH FROM (next_attempt_at - now())) * 1000)::float8 AS wait_ms
         FROM email_outbox
        WHERE id = $1 AND status IN ('pending', 'retrying') AND next_attempt_at > now()`,
);

/** Settles the row a worker holds (`$1` id, `$2` attempts); false when it was taken over. */
const settleStatement = (outcome: string, set: string): PreparedStatement =>
  preparedStatement(
    `email_outbox.settle_${outcome}`,
    `UPDATE email_outbox SET ${set}, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND attempts = $2
      RETURNING id`,
  );

// The template values go when sent: they hold links with tokens, and a sent email never needs them.
const SETTLE_SENT = settleStatement(
  'sent',
  `status = 'sent', provider = $3, provider_message_id = $4, sent_at = now(),
       locked_until = NULL, last_error = NULL, data = '{}'::jsonb`,
);
const SETTLE_RETRYING = settleStatement(
  'retrying',
  `status = 'retrying', next_attempt_at = now() + ${ms('$3')},
       locked_until = now() + ${ms('$3')} + ${ms('$4')}, last_error = $5,
       timeout_retries = timeout_retries + $6`,
);
const SETTLE_FAILED = settleStatement(
  'failed',
  `status = 'failed', locked_until = NULL, last_error = $3`,
);
const SETTLE_DEAD = settleStatement(
  'dead',
  `status = 'dead', locked_until = NULL, last_error = $3`,
);

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
    const claimed = await runPrepared<{ id: string }>(this.rows.manager, CLAIM_FOR_RELAY, [
      batchSize,
      leaseMs,
    ]);

    return claimed.map((row) => row.id);
  }

  /** Null when the row is not there to send: already sent, held by a worker, or not yet due. */
  async claimForSending(id: string, leaseMs: number): Promise<ClaimedEmail | null> {
    const [row] = await runPrepared<ClaimedRow>(this.rows.manager, CLAIM_FOR_SENDING, [
      id,
      leaseMs,
    ]);

    return row ? toClaimedEmail(row) : null;
  }

  /** How long until a waiting row is due; null when the row is not waiting at all. */
  async msUntilDue(id: string): Promise<number | null> {
    const [row] = await runPrepared<{ wait_ms: number }>(this.rows.manager, MS_UNTIL_DUE, [id]);

    return row ? Math.max(1, row.wait_ms) : null;
  }

  markSent(email: ClaimedEmail, result: EmailSendResult): Promise<boolean> {
    return this.settle(email, SETTLE_SENT, [result.provider, result.providerMessageId]);
  }

  /** The queue brings it back after `delayMs`; the lease beyond that is the relay's safety net. */
  markRetrying(
    email: ClaimedEmail,
    retry: { delayMs: number; leaseMs: number; error: string; countsAsTimeoutRetry: boolean },
  ): Promise<boolean> {
    return this.settle(email, SETTLE_RETRYING, [
      retry.delayMs,
      retry.leaseMs,
      retry.error,
      retry.countsAsTimeoutRetry ? 1 : 0,
    ]);
  }

  markFailed(email: ClaimedEmail, error: string): Promise<boolean> {
    return this.settle(email, SETTLE_FAILED, [error]);
  }

  markDead(email: ClaimedEmail, error: string): Promise<boolean> {
    return this.settle(email, SETTLE_DEAD, [error]);
  }

  /** False when another worker took the row over after this one's lease ran out. */
  private async settle(
    email: ClaimedEmail,
    statement: PreparedStatement,
    values: unknown[],
  ): Promise<boolean> {
    const settled = await runPrepared(this.rows.manager, statement, [
      email.id,
      email.attempts,
      ...values,
    ]);

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
