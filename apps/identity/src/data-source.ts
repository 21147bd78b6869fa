import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { identityDataSourceOptions } from './database/identity-schema';

/**
 * For the TypeORM CLI, e.g.
 *   DATABASE_URL=postgres://... npx typeorm migration:show -d dist/apps/identity/src/data-source.js
 * While the service runs on its embedded default, that database is
 * postgres://postgres:postgres@127.0.0.1:54307/identity.
 */
function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('Set DATABASE_URL to the database the TypeORM CLI should work on.');
  }

  return url;
}

export default new DataSource(identityDataSourceOptions(databaseUrl()));
