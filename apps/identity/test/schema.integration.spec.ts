import { runMigrationsExclusively } from '@app/database';
import type { TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { identityDataSourceOptions } from '../src/database/identity-schema';
import { testDatabaseOrSkip } from './support/test-database-or-skip';

describe('Identity migrations', () => {
  let database: TestDatabase | undefined;
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    database = await testDatabaseOrSkip('schema');
    if (database) {
      dataSource = await new DataSource(identityDataSourceOptions(database.url)).initialize();
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('build exactly the schema the entities describe', async () => {
    if (!dataSource) {
      return;
    }

    await runMigrationsExclusively(dataSource);
    const pending = await dataSource.driver.createSchemaBuilder().log();

    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('run down and up again cleanly', async () => {
    if (!dataSource) {
      return;
    }

    await dataSource.undoLastMigration({ transaction: 'each' });
    await runMigrationsExclusively(dataSource);

    expect(await dataSource.showMigrations()).toBe(false);
  });
});
