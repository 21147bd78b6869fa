import type { ServiceEnv } from '@app/common';
import { DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { IdentityConfig, validateIdentityEnv } from './identity-env';

export interface LoadedIdentityConfig {
  /** The global ConfigModule; services read `ConfigService<IdentityConfig, true>`. */
  module: DynamicModule;
  config: IdentityConfig;
  /** What was validated, before parsing: the raw forms of secrets, for masking. */
  rawEnv: ServiceEnv;
}

/**
 * Validates the environment once; overrides (tests) win over process.env. Env files are read
 * by the entry points (`loadEnvFiles('identity')`), never here, so tests see none. ConfigService
 * serves only the validated values, and nothing is written back into process.env, so two
 * services booted in one test process cannot leak settings into each other.
 */
export async function loadIdentityConfig(overrides?: ServiceEnv): Promise<LoadedIdentityConfig> {
  // Filled in below; ConfigService asks for it only when the application starts.
  const validated: { config?: IdentityConfig } = {};

  const module = await ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    skipProcessEnv: true,
    load: [() => validated.config ?? {}],
  });

  const rawEnv: ServiceEnv = { ...process.env, ...overrides };
  const config = validateIdentityEnv(rawEnv);
  validated.config = config;

  return { module, config, rawEnv };
}
