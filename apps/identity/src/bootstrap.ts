import { configureApp, type ServiceEnv, type ServiceRuntime } from '@app/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
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

  configureApp(app, {
    publicPrefix: 'identity',
    title: 'Identity',
    description: 'Accounts, sign-in and the access tokens every gym platform service trusts.',
  });

  return app;
}
