import { DatabaseModule } from '@app/database';
import { DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { IdentityConfig } from '../config/identity-env';
import { IDENTITY_ENTITIES, IDENTITY_MIGRATIONS } from './identity-schema';

/** DATABASE_URL when set; otherwise an embedded PostgreSQL kept in EMBEDDED_DB_DIR. */
export function identityDatabaseModule(): DynamicModule {
  return DatabaseModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: ConfigService<IdentityConfig, true>) => ({
      url: config.get('DATABASE_URL', { infer: true }),
      poolSize: config.get('DATABASE_POOL_SIZE', { infer: true }),
      embedded: {
        dataDir: config.get('EMBEDDED_DB_DIR', { infer: true }),
        port: config.get('EMBEDDED_DB_PORT', { infer: true }),
        database: 'identity',
      },
      entities: IDENTITY_ENTITIES,
      migrations: IDENTITY_MIGRATIONS,
    }),
  });
}
