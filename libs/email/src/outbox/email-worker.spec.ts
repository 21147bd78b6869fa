import { EmailDeliveryError } from '../email-delivery.error';
import { renderStoredEmail } from './email-renderer';
import { CapturingLogger } from './testing/capturing-logger';
import { InMemoryJobQueue } from './testing/in-memory-job-queue';
import { createOutboxTestDatabase, OutboxTestDatabase } from './testing/outbox-test-database';
import { OutboxTestApp, startOutboxApp } from './testing/outbox-test-app';
import { ScriptedEmailService } from './testing/scripted-email-service';
import { sleep, waitFor } from '@app/testing';

const API_SECRET = 'mj-api-secret-7f3a9c2e41';
const ACTIVATION_TOKEN = 'act-token-5b8d0e6f93a1';

describe('EmailWorker', () => {
  let db: OutboxTestDatabase;
  let queue: InMemoryJobQueue;
  let email: ScriptedEmailService;
  let logger: CapturingLogger;
  let app: OutboxTestApp | undefined;

  const start = async (options = {}) => {
    app = await startOutboxApp({ databaseUrl: db.url, queue, email, logger, options });

    return app;
  };

  const enqueueActivation = (outbox: OutboxTestApp, to: string) =>
    db.dataSource.transaction((manager) =>
      outbox.outbox.enqueue(manager, {
        template: 'activation',
        to,
        idempotencyKey: `activation:${to}`,
        data: {
          gymName: 'Iron Temple',
          activationUrl: `https://dashboard.example.test/activate?token=${ACTIVATION_TOKEN}`,
          expiresAt: '2030-01-01T00:00:00.000Z',
        },
      }),
    );

  const statusIs = (id: string, status: string) => async () =>
    (await db.statusOf(id)).status === status;

  beforeAll(async () => {
    db = await createOutboxTestDatabase();
  });

  beforeEach(() => {
    queue = new InMemoryJobQueue();
    email = new ScriptedEmailService();
    logger = new CapturingLogger();
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await queue.close();
    await db.dataSource.query('TRUNCATE email_outbox');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('sends once through a 429, a 500 and a timeout, waiting as each rule says', async () => {
    const outbox = await start({
      backoffBaseMs: 100,
      backoffCapMs: 1_000,
      timeoutRetryDelayMs: 150,
    });
    email.failNext(
      'owner@example.test',
      new EmailDeliveryError('rate_limited', 'Rate limited by the provider (429)', 400, 429),
      new EmailDeliveryError('unavailable', 'The provider answered 500', undefined, 500),
      new EmailDeliveryError('timeout', 'No answer from the provider within 10000 ms'),
    );

    const { id } = await enqueueActivation(outbox, 'owner@example.test');
    await waitFor('the email to be sent', statusIs(id, 'sent'));

    const row = await db.statusOf(id);
    const at = email.attemptsTo('owner@example.test').map((attempt) => attempt.at);
    expect(email.sent()).toHaveLength(1);
    expect(row).toMatchObject({ attempts: 4, timeoutRetries: 1, lastError: null });
    expect(row).toMatchObject({ provider: 'scripted', providerMessageId: `scripted-${id}` });
    expect(row.sentAt).toBeInstanceOf(Date);
    // At least Retry-After; then 2 * base less at most a fifth of jitter; then the timeout delay.
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(400);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(160);
    expect(at[3] - at[2]).toBeGreaterThanOrEqual(150);
    expect(queue.retried.map((retry) => retry.delayMs)).toEqual([400, expect.any(Number), 150]);
    expect(queue.retried[1].delayMs).toBeGreaterThanOrEqual(160);
    expect(queue.retried[1].delayMs).toBeLessThanOrEqual(200);
    // The retry queue brought it back each time; the relay did not publish it again.
    expect(queue.publishCount(id)).toBe(1);
    expect(outbox.metrics.snapshot()).toEqual({
      sent: 1,
      retried: 3,
      permanentFailures: 0,
      dead: 0,
    });
  });

  it('fails for good on a permanent error: not retried, counted, logged without secrets', async () => {
    const outbox = await start({ render: renderStoredEmail });
    const refused = new EmailDeliveryError('permanent', 'The provider refused the API key', 0, 401);
    // What an SDK error drags along: it must never reach a log line.
    Object.assign(refused, { config: { auth: { username: 'key', password: API_SECRET } } });
    email.failNext('owner@example.test', refused);

    const { id } = await enqueueActivation(outbox, 'owner@example.test');
    await waitFor('the email to fail', statusIs(id, 'failed'));
    await sleep(300);

    expect(await db.statusOf(id)).toMatchObject({
      attempts: 1,
      lastError: 'The provider refused the API key',
      sentAt: null,
    });
    expect(email.attempts).toHaveLength(1);
    expect(queue.retried).toEqual([]);
    expect(outbox.metrics.snapshot().permanentFailures).toBe(1);
    expect(outbox.metrics.snapshot().sent).toBe(0);
    expect(logger.at('error')).toEqual([
      expect.stringContaining(`Email ${id} (activation), attempt 1, failed for good`),
    ]);
    expect(logger.at('error')[0]).toContain('The provider refused the API key');
    // The real template put the link in the message; neither it nor the key was logged.
    expect(email.attempts[0].message.text).toContain(ACTIVATION_TOKEN);
    expect(logger.everything()).not.toContain(API_SECRET);
    expect(logger.everything()).not.toContain(ACTIVATION_TOKEN);
    expect(logger.everything()).not.toContain('owner@example.test');
  });

  it('takes an unknown error as the provider being unavailable, and keeps its text out', async () => {
    const outbox = await start();
    email.failNext('owner@example.test', new TypeError(`socket hang up (key ${API_SECRET})`));

    const { id } = await enqueueActivation(outbox, 'owner@example.test');
    await waitFor('the email to be sent', statusIs(id, 'sent'));

    expect(email.attempts.map((attempt) => attempt.accepted)).toEqual([false, true]);
    expect(logger.at('warn').join('\n')).toContain('Unexpected TypeError from the email provider');
    expect(logger.everything()).not.toContain(API_SECRET);
  });

  it('keeps an email as a dead letter after the last attempt; an admin lists it and resends it', async () => {
    const outbox = await start({ maxAttempts: 3 });
    const down = () => new EmailDeliveryError('unavailable', 'The provider answered 503', 0, 503);
    email.failNext('owner@example.test', down(), down(), down());

    const { id } = await enqueueActivation(outbox, 'owner@example.test');
    await waitFor('the email to be dead', statusIs(id, 'dead'));

    const listed = await outbox.admin.list({ status: 'dead' });
    expect(listed).toEqual([
      {
        id,
        template: 'activation',
        to: 'owner@example.test',
        status: 'dead',
        attempts: 3,
        lastError: 'The provider answered 503',
        createdAt: expect.any(Date),
        sentAt: null,
      },
    ]);
    expect(queue.dead).toEqual([{ id, reason: 'The provider answered 503' }]);
    expect(outbox.metrics.snapshot()).toMatchObject({ dead: 1, retried: 2, sent: 0 });

    await outbox.admin.retry(id);
    await waitFor('the email to be sent again', statusIs(id, 'sent'));

    expect(await db.statusOf(id)).toMatchObject({ attempts: 1, lastError: null });
    expect(email.sent()).toEqual([expect.objectContaining({ customId: id })]);
  });

  it('sends once when the same job is delivered many times at once, and skips it after', async () => {
    await start();
    email.slowDown(100);
    const [{ id }] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO email_outbox (template, to_address, data, idempotency_key, status, locked_until)
       VALUES ('welcome', 'owner@example.test', '{}', 'welcome:dup', 'queued', now() + interval '1 hour')
       RETURNING id`,
    );
    const definition = { name: 'email.send', retryDelaysMs: [30] };

    await Promise.all([1, 2, 3, 4, 5].map(() => queue.publish(definition, { id, payload: {} })));
    await waitFor('the email to be sent', statusIs(id, 'sent'));
    await queue.publish(definition, { id, payload: {} });
    await sleep(300);

    expect(email.attempts).toHaveLength(1);
    expect(await db.statusOf(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('lets a send in flight record its outcome when the application stops', async () => {
    const outbox = await start();
    email.slowDown(300);

    const { id } = await enqueueActivation(outbox, 'owner@example.test');
    await waitFor('the send to start', statusIs(id, 'sending'));
    await outbox.close();
    app = undefined;

    expect(await db.statusOf(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('fails an email whose template is unknown, without sending it', async () => {
    const outbox = await start({ render: renderStoredEmail });
    const [{ id }] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO email_outbox (template, to_address, data, idempotency_key)
       VALUES ('no_such_template', 'owner@example.test', '{}', 'unknown:1') RETURNING id`,
    );

    await waitFor('the email to fail', statusIs(id, 'failed'));

    expect(await db.statusOf(id)).toMatchObject({
      lastError: 'No email template is named "no_such_template"',
    });
    expect(email.attempts).toEqual([]);
    expect(outbox.metrics.snapshot().permanentFailures).toBe(1);
  });

  it('drops a job that names no outbox row', async () => {
    await start();

    await queue.publish(
      { name: 'email.send', retryDelaysMs: [30] },
      { id: 'not-a-uuid', payload: {} },
    );
    await waitFor('the job to be dropped', () => queue.dead.length === 1);

    expect(queue.dead).toEqual([{ id: 'not-a-uuid', reason: 'not an email outbox id' }]);
  });
});
