import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { ServerFacts } from '../bench/bench-database';

// The machine's PostgreSQL (trust auth); the bench only ever touches the database it creates.
const SERVER_URL = 'postgres://postgres@127.0.0.1:5432';
const MAINTENANCE_URL = `${SERVER_URL}/postgres`;

/** A stored account, as Identity's registration left it. */
export interface StoredCredential {
  email: string;
  passwordHash: string;
}

/** A database of the bench's own, `bench_auth_<random>`, dropped at the end. */
export class AuthBenchDatabase {
  readonly name = `bench_auth_${randomBytes(6).toString('hex')}`;
  readonly url = `${SERVER_URL}/${this.name}`;
  private created = false;

  async create(): Promise<void> {
    await withClient(MAINTENANCE_URL, (client) => client.query(`CREATE DATABASE "${this.name}"`));
    this.created = true;
  }

  /** FORCE ends the sessions a killed child may have left open. */
  async drop(): Promise<void> {
    if (!this.created) {
      return;
    }
    await withClient(MAINTENANCE_URL, (client) =>
      client.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`),
    );
    this.created = false;
  }

  /** The hashes Identity stored, so the bare verify checks exactly what a login checks. */
  storedCredentials(): Promise<StoredCredential[]> {
    return withClient(this.url, async (client) => {
      const { rows } = await client.query<StoredCredential>(
        'SELECT email, password_hash AS "passwordHash" FROM users',
      );

      return rows;
    });
  }

  /** Every successful login starts one session: proof that the logins did the full work. */
  sessionCount(): Promise<number> {
    return withClient(this.url, async (client) => {
      const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM sessions');

      return Number(rows[0].count);
    });
  }

  /** The server processes serving the bench database now (Identity's pool). */
  backendPids(): Promise<number[]> {
    return withClient(this.url, async (client) => {
      const { rows } = await client.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );

      return rows.map((row) => row.pid);
    });
  }

  serverFacts(): Promise<ServerFacts> {
    return withClient(this.url, async (client) => {
      const { rows } = await client.query<ServerFacts>(
        `SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync,
                current_setting('synchronous_commit') AS "synchronousCommit"`,
      );

      return rows[0];
    });
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
