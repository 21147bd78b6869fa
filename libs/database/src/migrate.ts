import { DataSource } from 'typeorm';

// Any constant shared by every copy of a service: copies that start together take turns.
const MIGRATION_LOCK_KEY = 724_190_331;

/** Runs pending migrations while holding a PostgreSQL advisory lock. */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();

  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    await runner.release();
  }
}
