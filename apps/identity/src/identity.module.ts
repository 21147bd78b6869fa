import {
  AuthModule,
  createLoggingModule,
  HealthModule,
  MetricsModule,
  type ServiceEnv,
  type ServiceRuntime,
} from '@app/common';
import { EmailModule } from '@app/email';
import { QueueModule } from '@app/queue';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { loadIdentityConfig } from './config/identity-config';
import { IdentityConfig } from './config/identity-env';
import { secretsToMask } from './config/log-secrets';
import { AdminUsersModule } from './admin/admin-users.module';
import { identityDatabaseModule } from './database/identity-database.module';
import { identityEmailOptions, identityQueueOptions } from './emails/identity-email.options';
import { MembershipsModule } from './memberships/memberships.module';
import { PasswordResetModule } from './password-reset/password-reset.module';
import { LiveSessionModule } from './sessions/live-session.module';
import { SessionsModule } from './sessions/sessions.module';
import { loadSigningKeys } from './signing/load-signing-key';
import { SigningKeys } from './signing/signing-keys';
import { SigningModule } from './signing/signing.module';
import { TwoFactorModule } from './two-factor/two-factor.module';
import { UsersModule } from './users/users.module';

@Module({})
export class IdentityModule {
  /**
   * The whole service. Tests pass env values as overrides (then no `.env` file is read);
   * a bad value rejects here, naming the variable.
   */
  static async register(
    overrides?: ServiceEnv,
    runtime: ServiceRuntime = {},
  ): Promise<DynamicModule> {
    const { module: configModule, config, rawEnv } = await loadIdentityConfig(overrides);
    const signing = await loadSigningKeys(config);

    return {
      module: IdentityModule,
      imports: [
        configModule,
        createLoggingModule({
          service: 'identity',
          level: config.LOG_LEVEL,
          destination: runtime.logDestination,
          secrets: [...secretsToMask(rawEnv, config, signing.pem), config.INTERNAL_API_TOKEN],
        }),
        identityDatabaseModule(),
        QueueModule.forRoot({ ...identityQueueOptions(config), isGlobal: true }),
        EmailModule.forRoot({ ...identityEmailOptions(config), isGlobal: true }),
        SigningModule.register(signing.keys),
        // Identity checks its own tokens with the public keys it serves, as the Wizard does.
        AuthModule.forRootAsync({
          inject: [ConfigService, SigningKeys],
          useFactory: (settings: ConfigService<IdentityConfig, true>, keys: SigningKeys) => ({
            issuer: settings.get('JWT_ISSUER', { infer: true }),
            audience: settings.get('JWT_AUDIENCE', { infer: true }),
            publicKeysPem: keys.publicKeysPem,
          }),
        }),
        HealthModule,
        MetricsModule,
        LiveSessionModule,
        UsersModule,
        SessionsModule,
        AdminUsersModule,
        MembershipsModule,
        PasswordResetModule,
        TwoFactorModule,
      ],
    };
  }
}
