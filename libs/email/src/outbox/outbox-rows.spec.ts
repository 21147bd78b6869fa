import { EmailOutboxEntry } from './email-outbox-entry.entity';
import { OutboxRows } from './outbox-rows';
import { createOutboxTestDatabase, OutboxTestDatabase } from './testing/outbox-test-database';

describe('OutboxRows claims', () => {
  let db: OutboxTestDatabase;
  let rows: OutboxRows;

  const insertPending = (count: number) =>
    db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO email_outbox (template, to_address, data, idempotency_key)
       SELECT 'welcome', 'owner@example.test', '{}', 'key:' || n FROM generate_series(1, $1) AS n
       RETURNING id`,
      [count],
    );

  beforeAll(async () => {
    db = await createOutboxTestDatabase();
    rows = new OutboxRows(db.dataSource.getRepository(EmailOutboxEntry));
  });

  afterEach(async () => {
    await db.dataSource.query('TRUNCATE email_outbox');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('gives each due row to one relay only when many claim at once', async () => {
    await insertPending(50);

    const claims = await Promise.all(
      Array.from({ length: 8 }, () => rows.claimForRelay(10, 60_000)),
    );

    const claimed = claims.flat();
    expect(claimed).toHaveLength(50);
    expect(new Set(claimed).size).toBe(50);
    expect(await db.countByStatus()).toEqual({ queued: 50 });
  });

  it('gives a row to one worker only when its job arrives many times at once', async () => {
    const [{ id }] = await insertPending(1);

    const claims = await Promise.all(
      Array.from({ length: 8 }, () => rows.claimForSending(id, 60_000)),
    );

    expect(claims.filter((claim) => claim !== null)).toEqual([
      expect.objectContaining({ id, attempts: 1, to: 'owner@example.test' }),
    ]);
  });

  it('lets only the current holder settle a row', async () => {
    const [{ id }] = await insertPending(1);
    const first = await rows.claimForSending(id, 1);
    await db.dataSource.query(`UPDATE email_outbox SET status = 'queued' WHERE id = $1`, [id]);
    const second = await rows.claimForSending(id, 60_000);

    const staleWrite = await rows.markFailed(first!, 'late answer');
    const currentWrite = await rows.markSent(second!, { provider: 'p', providerMessageId: 'm' });

    expect([staleWrite, currentWrite]).toEqual([false, true]);
    expect(await db.statusOf(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('tells how long a retrying row still waits, and nothing for a row that does not wait', async () => {
    const [{ id }] = await insertPending(1);
    const [{ id: sent }] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO email_outbox (template, to_address, data, idempotency_key, status)
       VALUES ('welcome', 'a@example.test', '{}', 'sent', 'sent') RETURNING id`,
    );
    await db.dataSource.query(
      `UPDATE email_outbox SET status = 'retrying', next_attempt_at = now() + interval '2 seconds'
        WHERE id = $1`,
      [id],
    );

    const waiting = await rows.msUntilDue(id);

    expect(waiting).toBeGreaterThan(1_500);
    expect(waiting).toBeLessThanOrEqual(2_000);
    expect(await rows.claimForSending(id, 60_000)).toBeNull();
    expect(await rows.msUntilDue(sent)).toBeNull();
  });
});
