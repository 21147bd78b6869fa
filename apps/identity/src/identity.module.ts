import {
  AuthModule,
  createLoggingModule,
  HealthModule,
  MetricsModule,
  type ServiceEnv,
  type ServiceRuntime,
} from '@app/common';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { loadIdentityConfig } from './config/identity-config';
import { IdentityConfig } from './config/identity-env';
import { secretsToMask } from './config/log-secrets';
import { identityDatabaseModule } from './database/identity-database.module';
import { SessionsModule } from './sessions/sessions.module';
import { loadSigningKey } from './signing/load-signing-key';
import { SigningKey } from './signing/signing-key';
import { SigningModule } from './signing/signing.module';
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
    const signing = await loadSigningKey(config);

    return {
      module: IdentityModule,
      imports: [
        configModule,
        createLoggingModule({
          service: 'identity',
          level: config.LOG_LEVEL,
          destination: runtime.logDestination,
          secrets: secretsToMask(rawEnv, config, signing.pem),
        }),
        identityDatabaseModule(),
        SigningModule.register(signing.key),
        // Identity checks its own tokens with its own public key, as the Wizard does.
        AuthModule.forRootAsync({
          inject: [ConfigService, SigningKey],
          useFactory: (settings: ConfigService<IdentityConfig, true>, key: SigningKey) => ({
            issuer: settings.get('JWT_ISSUER', { infer: true }),
            audience: settings.get('JWT_AUDIENCE', { infer: true }),
            publicKeysPem: [key.publicKeyPem],
          }),
        }),
        HealthModule,
        MetricsModule,
        UsersModule,
        SessionsModule,
      ],
    };
  }
}
