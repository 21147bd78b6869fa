import { ScratchDatabase } from './scratch-database';

export type { ServerFacts } from './scratch-database';

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

export class BenchDatabase extends ScratchDatabase {
  constructor() {
    super('bench');
  }

  /** Gyms waiting for their first payment, as `POST /gyms` and checkout leave them. */
  seedGyms(count: number): Promise<string[]> {
    return this.withClient(async (client) => {
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
    return this.withClient(async (client) => {
      await client.query(`TRUNCATE ${WIZARD_TABLES.join(', ')}`);
    });
  }

  workDone(): Promise<WorkDone> {
    return this.withClient(async (client) => {
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
    return this.withClient(async (client) => {
      const { rows } = await client.query<{ count: string }>(
        `SELECT count(*) AS count FROM email_outbox WHERE status <> 'sent'`,
      );

      return Number(rows[0].count);
    });
  }
}
