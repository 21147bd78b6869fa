import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

describe('startEmbeddedPostgres', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'embedded-pg-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves a real PostgreSQL on loopback, reuses it while it runs, and keeps data', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const first = await startEmbeddedPostgres({ dataDir, port, database: 'app' });

    const client = new Client({ connectionString: first.url });
    await client.connect();
    await client.query('CREATE TABLE kept (value text)');
    await client.query(`INSERT INTO kept VALUES ('still here')`);
    const version = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    await client.end();

    const second = await startEmbeddedPostgres({ dataDir, port, database: 'other' });
    expect(second.url).toContain('/other');
    await second.stop();
    await first.stop();

    const restarted = await startEmbeddedPostgres({ dataDir, port, database: 'app' });
    const again = new Client({ connectionString: restarted.url });
    await again.connect();
    const rows = await again.query<{ value: string }>('SELECT value FROM kept');
    await again.end();

    const elsewhere = await mkdtemp(join(tmpdir(), 'embedded-pg-other-'));
    await expect(
      startEmbeddedPostgres({ dataDir: elsewhere, port, database: 'app' }),
    ).rejects.toThrow(/serves another PostgreSQL/);
    await restarted.stop();
    await rm(elsewhere, { recursive: true, force: true });

    expect(Number(version.rows[0].server_version_num)).toBeGreaterThanOrEqual(150000);
    expect(rows.rows).toEqual([{ value: 'still here' }]);
  });
});
