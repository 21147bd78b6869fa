import { createServiceApp, type ServiceEnv, type ServiceRuntime } from '@app/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseTrustProxy } from './abuse/trust-proxy';
import { IdentityModule } from './identity.module';

/** What `main.ts` runs and what the tests boot: one path, so they cannot drift. */
export async function createIdentityApp(
  overrides?: ServiceEnv,
  runtime: ServiceRuntime = {},
): Promise<NestFastifyApplication> {
  // The module validates the environment first, TRUST_PROXY included; an invalid one stops there.
  const module = await IdentityModule.register(overrides, runtime);
  const trustProxy = parseTrustProxy((overrides ?? process.env).TRUST_PROXY ?? 'false') ?? false;

  return createServiceApp(module, {
    publicPrefix: 'identity',
    title: 'Identity',
    description: 'Accounts, sign-in and the access tokens every gym platform service trusts.',
    // req.ip, which the abuse limits and security events rely on, is only as right as this.
    trustProxy,
  });
}
