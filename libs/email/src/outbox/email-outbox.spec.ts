import { randomUUID } from 'node:crypto';

import { EmailOutboxEntry } from './email-outbox-entry.entity';
import { InMemoryJobQueue } from './testing/in-memory-job-queue';
import { createOutboxTestDatabase, OutboxTestDatabase } from './testing/outbox-test-database';
import { OutboxTestApp, startOutboxApp } from './testing/outbox-test-app';
import { ScriptedEmailService } from './testing/scripted-email-service';
import { sleep, waitFor } from '@app/testing';

const welcome = (to: string, idempotencyKey: string) => ({
  template: 'welcome' as const,
  to,
  idempotencyKey,
  data: { gymName: 'Iron Temple', dashboardUrl: 'https://dashboard.example.test/gyms/1' },
});

describe('EmailOutbox.enqueue', () => {
  let db: OutboxTestDatabase;
  let queue: InMemoryJobQueue;
  let email: ScriptedEmailService;
  let app: OutboxTestApp;

  beforeAll(async () => {
    db = await createOutboxTestDatabase();
  });

  beforeEach(async () => {
    queue = new InMemoryJobQueue();
    email = new ScriptedEmailService();
    // A tick far away: only the kick after commit can send within the test.
    app = await startOutboxApp({
      databaseUrl: db.url,
      queue,
      email,
      options: { relayIntervalMs: 60_000 },
    });
  });

  afterEach(async () => {
    await app.close();
    await queue.close();
    await db.dataSource.query('TRUNCATE email_outbox');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('writes nothing and sends nothing when the caller rolls back', async () => {
    const rolledBack = db.dataSource.transaction(async (manager) => {
      await app.outbox.enqueue(manager, welcome('owner@example.test', 'welcome:rolled-back'));
      throw new Error('the change failed');
    });

    await expect(rolledBack).rejects.toThrow('the change failed');
    await sleep(200);

    expect(await db.countByStatus()).toEqual({});
    expect(queue.published).toEqual([]);
    expect(email.attempts).toEqual([]);
  });

  it('sends right after the caller commits, without waiting for the next relay tick', async () => {
    const gymId = randomUUID();

    const enqueued = await db.dataSource.transaction((manager) =>
      app.outbox.enqueue(manager, { ...welcome('owner@example.test', 'welcome:1'), gymId }),
    );

    await waitFor(
      'the email to be sent',
      async () => (await db.statusOf(enqueued.id)).status === 'sent',
    );
    const row = await db.statusOf(enqueued.id);
    expect(row).toMatchObject({ gymId, template: 'welcome', toAddress: 'owner@example.test' });
    // Once sent, the values (links with tokens) are gone from the row.
    expect(row.data).toEqual({});
    expect(email.sent()).toEqual([expect.objectContaining({ customId: enqueued.id })]);
  });

  it('publishes nothing inside the caller transaction', async () => {
    await db.dataSource.transaction(async (manager) => {
      await app.outbox.enqueue(manager, welcome('owner@example.test', 'welcome:inside'));
      await sleep(150);

      expect(queue.published).toEqual([]);
    });
  });

  it('keeps one row per idempotency key, also when two transactions race', async () => {
    const first = await db.dataSource.transaction((manager) =>
      app.outbox.enqueue(manager, welcome('owner@example.test', 'welcome:once')),
    );
    const again = await db.dataSource.transaction((manager) =>
      app.outbox.enqueue(manager, welcome('owner@example.test', 'welcome:once')),
    );
    const racing = await Promise.all(
      [1, 2, 3].map(() =>
        db.dataSource.transaction((manager) =>
          app.outbox.enqueue(manager, welcome('owner@example.test', 'welcome:race')),
        ),
      ),
    );

    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(racing.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(racing.map((result) => result.id)).size).toBe(1);
    expect(await db.dataSource.getRepository(EmailOutboxEntry).count()).toBe(2);
  });
});
