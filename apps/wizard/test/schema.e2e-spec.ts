import { createTestDatabase, type TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { WIZARD_MIGRATIONS } from '../src/migrations';
import { WIZARD_ENTITIES } from '../src/wizard.entities';

describe('Wizard schema', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('wizard_schema');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      entities: WIZARD_ENTITIES,
      migrations: WIZARD_MIGRATIONS,
      uuidExtension: 'pgcrypto',
      installExtensions: false,
    }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('is what the migrations build: entities and migrations agree', async () => {
    await dataSource.runMigrations({ transaction: 'each' });

    const pending = await dataSource.driver.createSchemaBuilder().log();

    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
