import { DatabaseModule } from '@app/database';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from './test-database';

export interface DatabaseModuleHarness {
  dataSource: DataSource;
  /** Closes the module and drops its database. */
  close(): Promise<void>;
}

/** The DatabaseModule as the services build it, on a fresh database with no schema of its own. */
export async function startDatabaseModule(prefix: string): Promise<DatabaseModuleHarness> {
  const database = await createTestDatabase(prefix);
  const moduleRef = await Test.createTestingModule({
    imports: [
      DatabaseModule.forRootAsync({
        useFactory: () => ({
          url: database.url,
          // Never started: the URL is given.
          embedded: { dataDir: '.data/unused', port: 0, database: 'unused' },
          entities: [],
          migrations: [],
        }),
      }),
    ],
  }).compile();
  await moduleRef.init();

  return {
    dataSource: moduleRef.get(getDataSourceToken()),
    close: async () => {
      await moduleRef.close();
      await database.drop();
    },
  };
}
