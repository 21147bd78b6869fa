import { ConflictError, InvalidRequestError, NotFoundError } from '@app/common';
import { randomUUID } from 'node:crypto';

import type { EmailOutboxStatus } from './email-outbox-status';
import { InMemoryJobQueue } from './testing/in-memory-job-queue';
import { createOutboxTestDatabase, OutboxTestDatabase } from './testing/outbox-test-database';
import { OutboxTestApp, startOutboxApp } from './testing/outbox-test-app';
import { ScriptedEmailService } from './testing/scripted-email-service';
import { waitFor } from '@app/testing';

describe('EmailOutboxAdmin', () => {
  let db: OutboxTestDatabase;
  let queue: InMemoryJobQueue;
  let app: OutboxTestApp;

  /** Rows a worker would never touch again (a lease far away), so the list holds still. */
  const insert = async (to: string, status: EmailOutboxStatus, createdAt: string) => {
    const [{ id }] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO email_outbox (template, to_address, data, idempotency_key, status, attempts,
                                 last_error, locked_until, created_at)
       VALUES ('activation', $1, '{"activationUrl": "https://x.test/?token=secret"}', $2, $3, 2,
               'The provider answered 503', now() + interval '1 hour', $4)
       RETURNING id`,
      [to, randomUUID(), status, createdAt],
    );

    return id;
  };

  beforeAll(async () => {
    db = await createOutboxTestDatabase();
    queue = new InMemoryJobQueue();
    app = await startOutboxApp({
      databaseUrl: db.url,
      queue,
      email: new ScriptedEmailService(),
      options: { runWorker: false },
      registration: 'forRootAsync',
    });
  });

  afterEach(async () => {
    await db.dataSource.query('TRUNCATE email_outbox');
  });

  afterAll(async () => {
    await app.close();
    await queue.close();
    await db.drop();
  });

  it('lists newest first, filtered by status and address, without the template values', async () => {
    const older = await insert('Owner@Example.test', 'dead', '2030-01-01T00:00:00Z');
    const newer = await insert('owner@example.test', 'dead', '2030-01-02T00:00:00Z');
    await insert('owner@example.test', 'sending', '2030-01-03T00:00:00Z');
    await insert('other@example.test', 'dead', '2030-01-04T00:00:00Z');

    const listed = await app.admin.list({ status: 'dead', to: 'OWNER@example.test' });

    expect(listed.map((email) => email.id)).toEqual([newer, older]);
    expect(Object.keys(listed[0]).sort()).toEqual(
      ['attempts', 'createdAt', 'id', 'lastError', 'sentAt', 'status', 'template', 'to'].sort(),
    );
    expect(JSON.stringify(listed)).not.toContain('token');
    expect(await app.admin.list({ limit: 2 })).toHaveLength(2);
  });

  it('refuses a status or a limit it does not know', async () => {
    await expect(app.admin.list({ status: 'lost' as EmailOutboxStatus })).rejects.toThrow(
      InvalidRequestError,
    );
    await expect(app.admin.list({ limit: 0 })).rejects.toThrow(InvalidRequestError);
    await expect(app.admin.list({ limit: 501 })).rejects.toThrow(InvalidRequestError);
  });

  it('sends a failed email again from the start', async () => {
    const id = await insert('owner@example.test', 'failed', '2030-01-01T00:00:00Z');

    await app.admin.retry(id);
    await waitFor('the relay to hand it to the queue', () => queue.publishCount(id) === 1);

    expect(await db.statusOf(id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      timeoutRetries: 0,
    });
  });

  it('answers not found for an unknown id and conflict for an email not failed nor dead', async () => {
    const sent = await insert('owner@example.test', 'sent', '2030-01-01T00:00:00Z');
    const sending = await insert('owner@example.test', 'sending', '2030-01-01T00:00:00Z');

    await expect(app.admin.retry(randomUUID())).rejects.toThrow(NotFoundError);
    await expect(app.admin.retry('not-an-id')).rejects.toThrow(NotFoundError);
    await expect(app.admin.retry(sent)).rejects.toThrow(ConflictError);
    await expect(app.admin.retry(sending)).rejects.toThrow(/is sending; only a failed or dead/);
  });
});
