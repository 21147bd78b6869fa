import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

// The machine's PostgreSQL (trust auth); a bench only ever touches the database it creates.
const SERVER_URL = 'postgres://postgres@127.0.0.1:5432';
const MAINTENANCE_URL = `${SERVER_URL}/postgres`;

export interface ServerFacts {
  version: string;
  fsync: string;
  synchronousCommit: string;
}

/** A database of a benchmark's own, `<prefix>_<random>`, dropped at the end. */
export class ScratchDatabase {
  readonly name: string;
  readonly url: string;
  private created = false;

  constructor(prefix: string) {
    this.name = `${prefix}_${randomBytes(6).toString('hex')}`;
    this.url = `${SERVER_URL}/${this.name}`;
  }

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

  /** The server processes serving this database now (the services' pools). */
  backendPids(): Promise<number[]> {
    return this.withClient(async (client) => {
      const { rows } = await client.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );

      return rows.map((row) => row.pid);
    });
  }

  serverFacts(): Promise<ServerFacts> {
    return this.withClient(async (client) => {
      const { rows } = await client.query<ServerFacts>(
        `SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync,
                current_setting('synchronous_commit') AS "synchronousCommit"`,
      );

      return rows[0];
    });
  }

  protected withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
    return withClient(this.url, work);
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
