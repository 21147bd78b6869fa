import type { DataSourceOptions } from 'typeorm';
import { CreateUsersAndRefreshTokens1796336262528 } from '../migrations/1796336262528-create-users-and-refresh-tokens';
import { RefreshToken } from '../sessions/refresh-token.entity';
import { User } from '../users/user.entity';

/** Listed by hand, not globbed, so the build, the tests and the TypeORM CLI see the same set. */
export const IDENTITY_ENTITIES = [User, RefreshToken];

export const IDENTITY_MIGRATIONS = [CreateUsersAndRefreshTokens1796336262528];

/** For the TypeORM CLI and the schema test; the service itself goes through DatabaseModule. */
export function identityDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: IDENTITY_ENTITIES,
    migrations: IDENTITY_MIGRATIONS,
    synchronize: false,
    // As DatabaseModule: gen_random_uuid() is built into PostgreSQL 13+.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
  };
}
