import { runMigrationsExclusively } from '@app/database';
import { sleep, type TestDatabase, waitFor } from '@app/testing';
import { Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { identityDataSourceOptions } from '../src/database/identity-schema';
import type { PasswordResetRequestHandler } from '../src/password-reset/password-reset-request.handler';
import type { PendingPasswordReset } from '../src/password-reset/pending-password-reset.entity';
import { PendingPasswordResetProcessor } from '../src/password-reset/pending-password-reset.processor';
import type { SecurityEvent } from '../src/security-events/security-event';
import type { SecurityEvents } from '../src/security-events/security-events.service';
import { testDatabaseOrSkip } from './support/test-database-or-skip';

/** A handler that fails its first `failures` calls and records the requests it handled. */
class ScriptedHandler {
  readonly handled: string[] = [];
  calls = 0;

  constructor(
    private failures = 0,
    private readonly delayMs = 0,
  ) {}

  async handle(_manager: EntityManager, request: PendingPasswordReset): Promise<SecurityEvent> {
    this.calls += 1;
    await sleep(this.delayMs);
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('the database went away');
    }

    this.handled.push(request.emailNormalized);

    return { event: 'password_reset.requested', origin: { ip: null, userAgent: null } };
  }
}

class RecordingEvents {
  readonly recorded: SecurityEvent[] = [];

  record(event: SecurityEvent): void {
    this.recorded.push(event);
  }
}

describe('PendingPasswordResetProcessor (PostgreSQL)', () => {
  let database: TestDatabase | undefined;
  let dataSource: DataSource | undefined;
  const running: PendingPasswordResetProcessor[] = [];

  beforeAll(async () => {
    Logger.overrideLogger(false);
    database = await testDatabaseOrSkip('pending_resets');
    if (database) {
      dataSource = await new DataSource(identityDataSourceOptions(database.url)).initialize();
      await runMigrationsExclusively(dataSource);
    }
  });

  afterEach(async () => {
    for (const processor of running.splice(0)) {
      await processor.beforeApplicationShutdown();
    }
    await dataSource?.query('DELETE FROM pending_password_resets');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  function start(db: DataSource, handler: ScriptedHandler, events = new RecordingEvents()) {
    const processor = new PendingPasswordResetProcessor(
      db,
      handler as unknown as PasswordResetRequestHandler,
      events as unknown as SecurityEvents,
    );
    running.push(processor);
    processor.onApplicationBootstrap();

    return processor;
  }

  const pendingRows = (db: DataSource) =>
    db.query(
      `SELECT email_normalized, attempts, extract(epoch FROM next_attempt_at - now()) AS wait_s
       FROM pending_password_resets`,
    ) as Promise<Array<{ email_normalized: string; attempts: number; wait_s: number }>>;

  it('keeps a request whose handling failed, tries it later, then records its event', async () => {
    if (!dataSource) {
      return;
    }
    const db = dataSource;
    await db.query(`INSERT INTO pending_password_resets (email_normalized) VALUES ('a@x.test')`);
    const handler = new ScriptedHandler(1);
    const events = new RecordingEvents();

    const processor = start(db, handler, events);
    await waitFor('the first attempt', () => handler.calls === 1);
    await waitFor(
      'the request to be postponed',
      async () => (await pendingRows(db))[0]?.attempts === 1,
    );

    const [postponed] = await pendingRows(db);
    expect(Number(postponed.wait_s)).toBeGreaterThan(3);
    expect(events.recorded).toEqual([]);

    await db.query('UPDATE pending_password_resets SET next_attempt_at = now()');
    processor.kick();
    await waitFor('the request to be handled', async () => (await pendingRows(db)).length === 0);
    expect(handler.handled).toEqual(['a@x.test']);
    expect(events.recorded).toHaveLength(1);
  });

  it('drops a request after its last attempt', async () => {
    if (!dataSource) {
      return;
    }
    const db = dataSource;
    await db.query(
      `INSERT INTO pending_password_resets (email_normalized, attempts) VALUES ('b@x.test', 4)`,
    );
    const handler = new ScriptedHandler(1);

    start(db, handler);

    await waitFor('the request to be dropped', async () => (await pendingRows(db)).length === 0);
    expect(handler.handled).toEqual([]);
  });

  it('hands each request to exactly one of two copies working at once', async () => {
    if (!dataSource || !database) {
      return;
    }
    const second = await new DataSource(identityDataSourceOptions(database.url)).initialize();
    const emails = Array.from({ length: 30 }, (_, index) => `user-${index}@x.test`);
    await dataSource.query(
      `INSERT INTO pending_password_resets (email_normalized) SELECT unnest($1::text[])`,
      [emails],
    );
    const handlers = [new ScriptedHandler(0, 10), new ScriptedHandler(0, 10)];

    try {
      start(dataSource, handlers[0]);
      start(second, handlers[1]);
      const db = dataSource;
      await waitFor(
        'every request to be handled',
        async () => (await pendingRows(db)).length === 0,
      );

      const handled = [...handlers[0].handled, ...handlers[1].handled];
      expect(handled.sort()).toEqual([...emails].sort());
      expect(handlers[0].handled.length).toBeGreaterThan(0);
      expect(handlers[1].handled.length).toBeGreaterThan(0);
    } finally {
      for (const processor of running.splice(0)) {
        await processor.beforeApplicationShutdown();
      }
      await second.destroy();
    }
  });
});
