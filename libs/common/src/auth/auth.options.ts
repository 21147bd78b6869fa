import { ConfigurableModuleBuilder } from '@nestjs/common';

export interface AuthOptions {
  issuer: string;
  audience: string;
  /** Public keys (PEM, SPKI) trusted directly; used when set. */
  publicKeysPem?: string[];
  /** Otherwise the issuer's JWKS, fetched and cached. */
  jwksUrl?: string;
}

export const {
  ConfigurableModuleClass: ConfigurableAuthModule,
  MODULE_OPTIONS_TOKEN: AUTH_OPTIONS,
} = new ConfigurableModuleBuilder<AuthOptions>().setClassMethodName('forRoot').build();
