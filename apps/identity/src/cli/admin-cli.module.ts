import type { ServiceEnv } from '@app/common';
import { DynamicModule, Module } from '@nestjs/common';
import { AdminAccountsModule } from '../admin/admin-accounts.module';
import { loadIdentityConfig } from '../config/identity-config';
import { identityDatabaseModule } from '../database/identity-database.module';

/** The service's config and database, without HTTP, logging or signing keys. */
@Module({})
export class AdminCliModule {
  static async register(overrides?: ServiceEnv): Promise<DynamicModule> {
    const { module: configModule } = await loadIdentityConfig(overrides);

    return {
      module: AdminCliModule,
      imports: [configModule, identityDatabaseModule(), AdminAccountsModule],
    };
  }
}
