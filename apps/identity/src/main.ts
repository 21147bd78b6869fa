import 'reflect-metadata';
import { loadEnvFiles } from '@app/common';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createIdentityApp } from './bootstrap';
import { IdentityConfig } from './config/identity-env';

async function main(): Promise<void> {
  loadEnvFiles('identity');

  const app = await createIdentityApp();
  const config = app.get<ConfigService<IdentityConfig, true>>(ConfigService);

  const port = config.get('PORT', { infer: true });
  const host = config.get('HOST', { infer: true });

  await app.listen(port, host);
  new Logger('Identity').log(`Listening on http://${host}:${port} (docs at /docs)`);
}

main().catch((error: unknown) => {
  // Name and message only: a raw error object can carry connection strings.
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`Identity did not start. ${reason}\n`);
  process.exit(1);
});
