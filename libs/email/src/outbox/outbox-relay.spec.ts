import { CapturingLogger } from './testing/capturing-logger';
import { InMemoryJobQueue } from './testing/in-memory-job-queue';
import { createOutboxTestDatabase, OutboxTestDatabase } from './testing/outbox-test-database';
import { OutboxTestApp, startOutboxApp } from './testing/outbox-test-app';
import { ScriptedEmailService } from './testing/scripted-email-service';
import { sleep, waitFor } from '@app/testing';

describe('OutboxRelay', () => {
  let db: OutboxTestDatabase;
  const apps: OutboxTestApp[] = [];
  const queues: InMemoryJobQueue[] = [];

  const newQueue = () => {
    const queue = new InMemoryJobQueue();
    queues.push(queue);

    return queue;
  };

  const start = async (setup: Omit<Parameters<typeof startOutboxApp>[0], 'databaseUrl'>) => {
    const app = await startOutboxApp({ databaseUrl: db.url, ...setup });
    apps.push(app);

    return app;
  };

  /** Rows as a crash or a lost message leaves them, written straight into the table. */
  const insertRow = async (key: string, state: string): Promise<string> => {
    const [{ id }] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO email_outbox
         (template, to_address, data, idempotency_key, status, attempts, next_attempt_at, locked_until)
       SELECT 'welcome', 'owner@example.test', '{}', $1, status, attempts, next_attempt_at, locked_until
         FROM (VALUES ${state}) AS state (status, attempts, next_attempt_at, locked_until)
       RETURNING id`,
      [key],
    );

    return id;
  };

  const statusOf = async (id: string) => (await db.statusOf(id)).status;

  beforeAll(async () => {
    db = await createOutboxTestDatabase();
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await Promise.all(queues.splice(0).map((queue) => queue.close()));
    await db.dataSource.query('TRUNCATE email_outbox');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('picks up at start what a crash left behind, and leaves live leases alone', async () => {
    const neverPublished = await insertRow('pending', `('pending', 0, now(), NULL::timestamptz)`);
    const lostMessage = await insertRow(
      'queued',
      `('queued', 0, now(), now() - interval '1 minute')`,
    );
    const diedWhileSending = await insertRow(
      'sending',
      `('sending', 1, now(), now() - interval '1 second')`,
    );
    const lostRetry = await insertRow(
      'retrying',
      `('retrying', 2, now() - interval '2 minutes', now() - interval '1 minute')`,
    );
    const stillLeased = await insertRow(
      'leased',
      `('queued', 0, now(), now() + interval '1 hour')`,
    );
    const queue = newQueue();
    const email = new ScriptedEmailService();

    await start({ queue, email });
    const recovered = [neverPublished, lostMessage, diedWhileSending, lostRetry];
    await waitFor('every left-over email to be sent', async () =>
      (await Promise.all(recovered.map(statusOf))).every((status) => status === 'sent'),
    );
    await sleep(200);

    expect(
      email
        .sent()
        .map((message) => message.customId)
        .sort(),
    ).toEqual(recovered.sort());
    expect(await db.statusOf(diedWhileSending)).toMatchObject({ attempts: 2 });
    expect(await db.statusOf(lostRetry)).toMatchObject({ attempts: 3 });
    expect(await statusOf(stillLeased)).toBe('queued');
    expect(queue.publishCount(stillLeased)).toBe(0);
  });

  it('publishes again, once the lease ends, a row whose publish failed', async () => {
    const queue = newQueue();
    const email = new ScriptedEmailService();
    const logger = new CapturingLogger();
    queue.refuseNextPublishes(1);

    await start({ queue, email, logger, options: { leaseMs: 300 } });
    const id = await insertRow('refused', `('pending', 0, now(), NULL::timestamptz)`);
    await waitFor('the email to be sent', async () => (await statusOf(id)) === 'sent');

    expect(queue.publishCount(id)).toBe(1);
    expect(email.sent()).toHaveLength(1);
    expect(logger.at('warn').join('\n')).toContain('1 of 1 emails were not handed to email.send');
  });

  it('sends each of 50 emails exactly once with two relays and two workers at once', async () => {
    const queue = newQueue();
    const emails = [new ScriptedEmailService(), new ScriptedEmailService()];
    const options = { batchSize: 7, prefetch: 4, relayIntervalMs: 20 };
    await Promise.all(emails.map((email) => start({ queue, email: email.slowDown(5), options })));

    await db.dataSource.query(
      `INSERT INTO email_outbox (template, to_address, data, idempotency_key)
       SELECT 'welcome', 'owner' || n || '@example.test', '{}', 'welcome:' || n
         FROM generate_series(1, 50) AS n`,
    );
    await waitFor('all 50 emails to be sent', async () => (await db.countByStatus()).sent === 50);
    await sleep(200);

    const accepted = new Map<string, number>();
    for (const email of emails) {
      for (const [id, count] of email.acceptedPerRow()) {
        accepted.set(id, (accepted.get(id) ?? 0) + count);
      }
    }
    expect(accepted.size).toBe(50);
    expect([...accepted.values()].every((count) => count === 1)).toBe(true);
    expect(queue.published).toHaveLength(50);
    expect(emails.every((email) => email.sent().length > 0)).toBe(true);
  });

  it('stops with the application', async () => {
    const queue = newQueue();
    const app = await start({ queue, email: new ScriptedEmailService() });

    await app.close();
    apps.splice(apps.indexOf(app), 1);
    await insertRow('after-close', `('pending', 0, now(), NULL::timestamptz)`);
    await sleep(200);

    expect(queue.published).toEqual([]);
  });
});
