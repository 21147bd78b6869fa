import { loadEnvFiles } from '@app/common';
import { ConfigService } from '@nestjs/config';
import { createWizardApp } from './bootstrap';
import type { WizardConfig } from './config/wizard-env';

async function main(): Promise<void> {
  loadEnvFiles('wizard');

  const app = await createWizardApp();
  const config = app.get<ConfigService<WizardConfig, true>>(ConfigService);
  await app.listen(config.get('PORT', { infer: true }), config.get('HOST', { infer: true }));
}

main().catch((error: unknown) => {
  // The logger may not exist yet; the message names the bad variable, never its value.
  process.stderr.write(`Wizard did not start: ${(error as Error).message}\n`);
  process.exit(1);
});
