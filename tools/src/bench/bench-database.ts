import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

// The machine's PostgreSQL (trust auth); the bench only ever touches the database it creates.
const SERVER_URL = 'postgres://postgres@127.0.0.1:5432';
const MAINTENANCE_DATABASE = 'postgres';

export const BENCH_PLAN_ID = 'studio_monthly';

const WIZARD_TABLES = [
  'stripe_events',
  'payments',
  'licenses',
  'activation_tokens',
  'email_outbox',
  'gyms',
];

/** What one phase left in the tables: proof that every event did the full work. */
export interface WorkDone {
  paidGyms: number;
  payments: number;
  licenses: number;
  activationTokens: number;
  emails: number;
  emailsSent: number;
  eventsProcessed: number;
}

export interface ServerFacts {
  version: string;
  fsync: string;
  synchronousCommit: string;
}

export class BenchDatabase {
  readonly name = `bench_${randomBytes(6).toString('hex')}`;
  readonly url = `${SERVER_URL}/${this.name}`;
  private created = false;

  async create(): Promise<void> {
    await withClient(`${SERVER_URL}/${MAINTENANCE_DATABASE}`, (client) =>
      client.query(`CREATE DATABASE "${this.name}"`),
    );
    this.created = true;
  }

  /** FORCE ends the sessions a killed child may have left open. */
  async drop(): Promise<void> {
    if (!this.created) {
      return;
    }
    await withClient(`${SERVER_URL}/${MAINTENANCE_DATABASE}`, (client) =>
      client.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`),
    );
    this.created = false;
  }

  /** Gyms waiting for their first payment, as `POST /gyms` and checkout leave them. */
  seedGyms(count: number): Promise<string[]> {
    return withClient(this.url, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO gyms (name, plan_id, owner_id, owner_email, status)
         SELECT 'Bench Gym ' || n, $2, gen_random_uuid(), 'owner-' || n || '@bench.example.test',
                'pending_payment'
           FROM generate_series(1, $1::int) AS n
         RETURNING id`,
        [count, BENCH_PLAN_ID],
      );
      await client.query('ANALYZE');

      return rows.map((row) => row.id);
    });
  }

  /** Both targets start from the same empty tables; the schema stays from the Wizard's migrations. */
  emptyWizardTables(): Promise<void> {
    return withClient(this.url, async (client) => {
      await client.query(`TRUNCATE ${WIZARD_TABLES.join(', ')}`);
    });
  }

  workDone(): Promise<WorkDone> {
    return withClient(this.url, async (client) => {
      const { rows } = await client.query<Record<keyof WorkDone, string>>(
        `SELECT (SELECT count(*) FROM gyms WHERE status = 'paid') AS "paidGyms",
                (SELECT count(*) FROM payments WHERE status = 'paid') AS "payments",
                (SELECT count(*) FROM licenses) AS "licenses",
                (SELECT count(*) FROM activation_tokens) AS "activationTokens",
                (SELECT count(*) FROM email_outbox) AS "emails",
                (SELECT count(*) FROM email_outbox WHERE status = 'sent') AS "emailsSent",
                (SELECT count(*) FROM stripe_events WHERE outcome = 'processed') AS "eventsProcessed"`,
      );

      return Object.fromEntries(
        Object.entries(rows[0]).map(([key, value]) => [key, Number(value)]),
      ) as unknown as WorkDone;
    });
  }

  /** Emails the outbox has not handed to the provider yet. */
  emailsNotSent(): Promise<number> {
    return withClient(this.url, async (client) => {
      const { rows } = await client.query<{ count: string }>(
        `SELECT count(*) AS count FROM email_outbox WHERE status <> 'sent'`,
      );

      return Number(rows[0].count);
    });
  }

  /** The server processes serving the bench database now (the pools' connections). */
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
