import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The shared server of this machine and CI; each suite gets a database of its own. */
export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** When set (CI), integration suites fail instead of skipping if a server is missing. */
export const integrationRequired = (): boolean => process.env.REQUIRE_INTEGRATION === '1';

export async function createTestDatabase(prefix = 'suite'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));

  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    drop: async () => {
      await withAdminClient((client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

export async function isPostgresReachable(): Promise<boolean> {
  return withAdminClient((client) => client.query('SELECT 1')).then(
    () => true,
    () => false,
  );
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();

  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
