import { createTestDatabase, type TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { GYM_COLUMNS } from '../src/gyms/gym-rows';
import { Gym } from '../src/gyms/gym.entity';
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

  it("locks a gym with every column of the entity (the webhook's prepared statement)", () => {
    const entityColumns = dataSource.getMetadata(Gym).columns.map((column) => column.databaseName);

    expect([...GYM_COLUMNS].sort()).toEqual(entityColumns.sort());
  });
});
