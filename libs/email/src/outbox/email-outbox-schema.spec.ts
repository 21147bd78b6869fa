import { createOutboxTestDatabase, OutboxTestDatabase } from './testing/outbox-test-database';

describe('the email_outbox migration', () => {
  let db: OutboxTestDatabase;

  beforeAll(async () => {
    db = await createOutboxTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('builds exactly the table the entity describes', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();

    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('refuses a status outside the list and a second row with one idempotency key', async () => {
    const insert = (key: string, status: string) =>
      db.dataSource.query(
        `INSERT INTO email_outbox (template, to_address, data, idempotency_key, status)
         VALUES ('welcome', 'a@example.test', '{}', $1, $2)`,
        [key, status],
      );

    await insert('one', 'pending');

    await expect(insert('two', 'lost')).rejects.toThrow(/CHK_email_outbox_status/);
    await expect(insert('one', 'pending')).rejects.toThrow(/UQ_email_outbox_idempotency_key/);
  });

  it('can be reverted', async () => {
    await db.dataSource.undoLastMigration();
    const tables = await db.dataSource.query(`SELECT to_regclass('email_outbox') AS found`);
    await db.dataSource.runMigrations();

    expect(tables).toEqual([{ found: null }]);
  });
});
