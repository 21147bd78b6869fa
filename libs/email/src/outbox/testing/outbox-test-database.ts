import { createTestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';

import { EmailOutboxEntry } from '../email-outbox-entry.entity';
import type { EmailOutboxStatus } from '../email-outbox-status';
import { CreateEmailOutbox1796336272589 } from '../migrations/1796336272589-create-email-outbox';

export interface OutboxTestDatabase {
  url: string;
  /** For the test's own reads and writes; the apps under test open their own pools. */
  dataSource: DataSource;
  statusOf(id: string): Promise<EmailOutboxEntry>;
  countByStatus(): Promise<Partial<Record<EmailOutboxStatus, number>>>;
  drop(): Promise<void>;
}

/** A database of its own on the shared server, with the outbox migration run. */
export async function createOutboxTestDatabase(): Promise<OutboxTestDatabase> {
  const database = await createTestDatabase('email_outbox');
  const dataSource = await new DataSource({
    type: 'postgres',
    url: database.url,
    entities: [EmailOutboxEntry],
    migrations: [CreateEmailOutbox1796336272589],
  }).initialize();
  await dataSource.runMigrations();

  const rows = dataSource.getRepository(EmailOutboxEntry);

  return {
    url: database.url,
    dataSource,
    statusOf: (id) => rows.findOneByOrFail({ id }),
    countByStatus: async () => {
      const counts = await dataSource.query<Array<{ status: EmailOutboxStatus; count: number }>>(
        'SELECT status, count(*)::int AS count FROM email_outbox GROUP BY status',
      );

      return Object.fromEntries(counts.map((row) => [row.status, row.count]));
    },
    drop: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
