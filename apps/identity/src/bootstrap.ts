import { configureApp, type ServiceEnv, type ServiceRuntime } from '@app/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityConfig } from './config/identity-env';
import { IdentityModule } from './identity.module';

/** What `main.ts` runs and what the tests boot: one path, so they cannot drift. */
export async function createIdentityApp(
  overrides?: ServiceEnv,
  runtime: ServiceRuntime = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    await IdentityModule.register(overrides, runtime),
    // configureApp installs the body parsers. A failed start rejects, for the caller to
    // report, instead of exiting the process with its log lines still in the buffer.
    { bodyParser: false, bufferLogs: true, abortOnError: false },
  );

  // req.ip, which the abuse limits and security events rely on, is only as right as this.
  app.set('trust proxy', app.get(ConfigService<IdentityConfig, true>).get('TRUST_PROXY'));
  configureApp(app, {
    publicPrefix: 'identity',
    title: 'Identity',
    description: 'Accounts, sign-in and the access tokens every gym platform service trusts.',
  });

  return app;
}
