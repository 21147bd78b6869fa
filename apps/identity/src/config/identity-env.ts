import { databasePoolSize, envValidator, logLevel, nodeEnv, optionalUrl, port } from '@app/common';
import { z } from 'zod';
import { ABUSE_ENV } from '../abuse/abuse.env';
import { checkEmailEnv, withEmailDefaults } from '@app/email';
import { IDENTITY_EMAIL_ENV } from '../emails/identity-email.env';
import {
  checkPasswordResetEnv,
  PASSWORD_RESET_ENV,
  withPasswordResetDefaults,
} from '../password-reset/password-reset.env';
import { parseSigningKeyPem } from './signing-key-pem';
import { SESSIONS_ENV } from '../sessions/sessions.env';
import { SIGNING_ENV } from '../signing/signing.env';
import { checkTwoFactorEnv, TWO_FACTOR_ENV } from '../two-factor/two-factor.env';

const text = (fallback: string) => z.string().trim().min(1).default(fallback);

const positiveInt = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

const signingKeyPem = z.string().transform((value, context) => {
  const pem = parseSigningKeyPem(value);
  if (!pem) {
    context.addIssue({
      code: 'custom',
      message: 'must be an EC P-256 private key (PKCS8 PEM, or base64 of that PEM)',
    });

    return z.NEVER;
  }

  return pem;
});

const identityEnvSchema = z
  .object({
    NODE_ENV: nodeEnv,
    PORT: port(3007),
    HOST: text('0.0.0.0'),
    LOG_LEVEL: logLevel,
    DATABASE_URL: optionalUrl,
    DATABASE_POOL_SIZE: databasePoolSize,
    EMBEDDED_DB_DIR: text('.data/identity-postgres'),
    EMBEDDED_DB_PORT: port(54307),
    JWT_PRIVATE_KEY: signingKeyPem.optional(),
    JWT_KEY_FILE: text('.data/identity/jwt-signing-key.pem'),
    JWT_ISSUER: text('gym-identity'),
    JWT_AUDIENCE: text('gym-platform'),
    ACCESS_TOKEN_TTL_SECONDS: positiveInt(900, 86_400),
    REFRESH_TOKEN_TTL_DAYS: positiveInt(30, 365),
    ...SIGNING_ENV,
    ...SESSIONS_ENV,
    ...ABUSE_ENV,
    // Shared with the Wizard, which sends it on /internal calls; unset, those calls are refused.
    INTERNAL_API_TOKEN: z.string().trim().min(32).optional(),
    ...IDENTITY_EMAIL_ENV,
    ...PASSWORD_RESET_ENV,
    ...TWO_FACTOR_ENV,
  })
  .superRefine((env, context) => {
    checkEmailEnv(env, context);
    checkPasswordResetEnv(env, context);
    checkTwoFactorEnv(env, context);
    // A key file on local disk is fine for a laptop; copies behind a load balancer must share one key.
    if (env.NODE_ENV === 'production' && !env.JWT_PRIVATE_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['JWT_PRIVATE_KEY'],
        message: 'is required in production (an EC P-256 private key in PKCS8 PEM, or its base64)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.INTERNAL_API_TOKEN) {
      context.addIssue({
        code: 'custom',
        path: ['INTERNAL_API_TOKEN'],
        message: 'is required in production (the same value as the Wizard, at least 32 characters)',
      });
    }
  })
  .transform((env) => withPasswordResetDefaults(withEmailDefaults(env)));

export type IdentityConfig = z.infer<typeof identityEnvSchema>;

const validate = envValidator(identityEnvSchema);

/** Validates the environment; an empty variable counts as unset. */
export function validateIdentityEnv(env: Record<string, unknown>): IdentityConfig {
  return validate(withoutBlanks(env));
}

function withoutBlanks(env: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
}
