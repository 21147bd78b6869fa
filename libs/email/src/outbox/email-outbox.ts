import { Injectable } from '@nestjs/common';
import { ConflictError } from '@app/common';
import { preparedStatement, runPrepared } from '@app/database';
import type { EntityManager } from 'typeorm';

import type { EmailTemplateName, EmailTemplates } from '../templates/email-templates';
import { OutboxCommitKick } from './outbox-commit-kick';
import { queryRows } from './query-rows';

/** Parameters: template, recipient, data (JSON), idempotency key, gym (or null). */
export const ENQUEUE_EMAIL = preparedStatement(
  'email_outbox.enqueue',
  `INSERT INTO email_outbox (template, to_address, data, idempotency_key, gym_id)
       VALUES ($1, $2, $3::jsonb, $4, $5)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
);

export interface EmailToEnqueue<Name extends EmailTemplateName> {
  template: Name;
  to: string;
  /** Stored as JSON: dates come back as ISO strings, which the templates accept. */
  data: EmailTemplates[Name];
  /** One email per key, however often the change that asks for it runs. */
  idempotencyKey: string;
  gymId?: string | null;
}

export interface EnqueuedEmail {
  id: string;
  /** False when an email with this idempotency key already existed. */
  created: boolean;
}

/** Where a change asks for an email: the row commits or rolls back with the change itself. */
@Injectable()
export class EmailOutbox {
  constructor(private readonly commitKick: OutboxCommitKick) {}

  /** Pass the manager of the caller's transaction; nothing is published from here. */
  async enqueue<Name extends EmailTemplateName>(
    manager: EntityManager,
    email: EmailToEnqueue<Name>,
  ): Promise<EnqueuedEmail> {
    const [inserted] = await runPrepared<{ id: string }>(manager, ENQUEUE_EMAIL, [
      email.template,
      email.to,
      JSON.stringify(email.data),
      email.idempotencyKey,
      email.gymId ?? null,
    ]);

    if (!inserted) {
      return { id: await this.idForKey(manager, email.idempotencyKey), created: false };
    }

    this.commitKick.kickAfterCommit(manager);

    return { id: inserted.id, created: true };
  }

  private async idForKey(manager: EntityManager, idempotencyKey: string): Promise<string> {
    const [existing] = await queryRows<{ id: string }>(
      manager,
      'SELECT id FROM email_outbox WHERE idempotency_key = $1',
      [idempotencyKey],
    );

    // Only under REPEATABLE READ or SERIALIZABLE: the other row committed after our snapshot.
    if (!existing) {
      throw new ConflictError('Another transaction wrote this email first; try the change again');
    }

    return existing.id;
  }
}
