import { runMigrationsExclusively } from '@app/database';
import type { TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { identityDataSourceOptions, IDENTITY_MIGRATIONS } from '../src/database/identity-schema';
import { AddSessionsAndDisabledUsers1796338640599 } from '../src/migrations/1796338640599-add-sessions-and-disabled-users';
import { testDatabaseOrSkip } from './support/test-database-or-skip';

const SESSIONS_MIGRATION = AddSessionsAndDisabledUsers1796338640599;

const timestampOf = (migration: { name: string }) => Number(/\d{13}$/.exec(migration.name)?.[0]);

const BEFORE_SESSIONS = IDENTITY_MIGRATIONS.filter(
  (migration) => timestampOf(migration) < timestampOf(SESSIONS_MIGRATION),
);

describe('The sessions migration keeps the refresh tokens issued before it', () => {
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    database = await testDatabaseOrSkip('sessions_migration');
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function dataSourceWith(migrations: typeof IDENTITY_MIGRATIONS): Promise<DataSource> {
    const options = identityDataSourceOptions(database?.url ?? '');

    return new DataSource({ ...options, entities: [], migrations }).initialize();
  }

  async function hasRun(dataSource: DataSource, name: string): Promise<boolean> {
    const rows = await dataSource.query('SELECT 1 FROM migrations WHERE name = $1', [name]);

    return rows.length > 0;
  }

  it('makes each token a session of its own, and gives revoked_at back on the way down', async () => {
    if (!database) {
      return;
    }
    const old = await dataSourceWith(BEFORE_SESSIONS);
    await runMigrationsExclusively(old);
    const [user] = await old.query(
      `INSERT INTO users (email, email_normalized, name, password_hash)
       VALUES ('a@b.test', 'a@b.test', 'A', 'x') RETURNING id`,
    );
    const [live, revoked] = await old.query(
      `INSERT INTO refresh_tokens (user_id, token_hash, expires_at, revoked_at) VALUES
         ($1, 'live-hash', now() + interval '30 days', NULL),
         ($1, 'revoked-hash', now() + interval '30 days', now() - interval '1 day')
       RETURNING id`,
      [user.id],
    );
    await old.destroy();

    const current = await dataSourceWith(IDENTITY_MIGRATIONS);
    await runMigrationsExclusively(current);
    const sessions = await current.query(
      `SELECT s.id, s.user_id, s.ended_at IS NULL AS live, s.expires_at > now() AS usable
       FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id ORDER BY t.token_hash`,
    );
    expect(sessions).toEqual([
      { id: live.id, user_id: user.id, live: true, usable: true },
      { id: revoked.id, user_id: user.id, live: false, usable: false },
    ]);

    await current.query(`UPDATE sessions SET ended_at = now() WHERE id = $1`, [live.id]);
    while (await hasRun(current, SESSIONS_MIGRATION.name)) {
      await current.undoLastMigration({ transaction: 'each' });
    }
    const tokens = await current.query(
      `SELECT token_hash, revoked_at IS NOT NULL AS revoked FROM refresh_tokens ORDER BY token_hash`,
    );
    await current.destroy();

    expect(tokens).toEqual([
      { token_hash: 'live-hash', revoked: true },
      { token_hash: 'revoked-hash', revoked: true },
    ]);
  });
});
