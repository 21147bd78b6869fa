import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { WIZARD_MIGRATIONS } from './migrations';
import { WIZARD_ENTITIES } from './wizard.entities';

/**
 * For the TypeORM CLI, after `npm run build`:
 *   DATABASE_URL=postgres://... npx typeorm migration:show -d dist/apps/wizard/src/data-source.js
 * The embedded default database is postgres://postgres:postgres@127.0.0.1:54306/wizard.
 */
function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('Set DATABASE_URL to the database the TypeORM CLI should work on.');
  }

  return url;
}

export default new DataSource({
  type: 'postgres',
  url: databaseUrl(),
  entities: WIZARD_ENTITIES,
  migrations: WIZARD_MIGRATIONS,
  uuidExtension: 'pgcrypto',
  installExtensions: false,
});
