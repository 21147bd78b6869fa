import { existsSync } from 'node:fs';

/**
 * Reads `.env.<service>` and then `.env` from the working folder, if present. Variables already
 * in the environment win, then the service's own file, then the shared one: so PORT or
 * DATABASE_URL can differ between the services that share one `.env`.
 */
export function loadEnvFiles(service: string): void {
  for (const file of [`.env.${service}`, '.env']) {
    if (existsSync(file)) {
      process.loadEnvFile(file);
    }
  }
}
