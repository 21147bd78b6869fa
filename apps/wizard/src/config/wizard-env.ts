import {
  commaSeparated,
  databasePoolSize,
  envValidator,
  logLevel,
  nodeEnv,
  optionalUrl,
  port,
} from '@app/common';
import { checkEmailEnv, EMAIL_ENV, withEmailDefaults } from '@app/email';
import { assertStripeKeyMatchesEnvironment } from '@app/payments';
import { z } from 'zod';
import { plansVariable } from './plans';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const wizardEnvSchema = z
  .object({
    NODE_ENV: nodeEnv,
    PORT: port(3006),
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: logLevel,

    DATABASE_URL: optionalUrl,
    DATABASE_POOL_SIZE: databasePoolSize,
    EMBEDDED_DB_DIR: z.string().default('.data/wizard-postgres'),
    EMBEDDED_DB_PORT: port(54306),
    AMQP_URL: optionalUrl,

    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: commaSeparated
      .pipe(z.array(z.string().startsWith('whsec_', 'each secret must start with whsec_')))
      .optional(),
    STRIPE_WEBHOOK_TOLERANCE_SECONDS: positiveInt(300),
    STRIPE_API_BASE_URL: z
      .url()
      .refine(
        (value) => new URL(value).pathname === '/',
        'must be an origin only, e.g. http://127.0.0.1:12111',
      )
      .optional(),
    PLANS: plansVariable,

    DASHBOARD_URL: z.url().default('http://localhost:3000'),
    ACTIVATION_TOKEN_TTL_HOURS: positiveInt(168),
    // Who hears about failed renewals and disputes; unset, nobody is told.
    PLATFORM_ADMIN_EMAILS: commaSeparated
      .pipe(z.array(z.email('each address must be an email address')))
      .default([]),

    IDENTITY_URL: z.url().default('http://127.0.0.1:3007'),
    IDENTITY_JWKS_URL: optionalUrl,
    JWT_PUBLIC_KEY: z.string().optional(),
    JWT_ISSUER: z.string().default('gym-identity'),
    JWT_AUDIENCE: z.string().default('gym-platform'),
    // The same value as Identity's: the relay sends it on /internal calls; unset, none is made.
    INTERNAL_API_TOKEN: z.string().trim().min(32).optional(),
    IDENTITY_SYNC_INTERVAL_MS: positiveInt(1_000),
    IDENTITY_SYNC_TIMEOUT_MS: positiveInt(5_000),
    IDENTITY_SYNC_BACKOFF_BASE_MS: positiveInt(2_000),
    IDENTITY_SYNC_BACKOFF_CAP_MS: positiveInt(600_000),

    ...EMAIL_ENV,
    EMAIL_QUEUE_NAME: z
      .string()
      .regex(/^[\w.-]{1,200}$/, 'must be letters, digits, dots, dashes or underscores')
      .default('wizard.email'),
  })
  .transform(withEmailDefaults)
  .superRefine((env, context) => {
    checkEmailEnv(env, context);
    if (env.STRIPE_SECRET_KEY) {
      try {
        assertStripeKeyMatchesEnvironment(env.STRIPE_SECRET_KEY, env.NODE_ENV === 'production');
      } catch (error) {
        context.addIssue({
          code: 'custom',
          path: ['STRIPE_SECRET_KEY'],
          message: (error as Error).message,
        });
      }
    }
    if (env.NODE_ENV === 'production' && !env.STRIPE_SECRET_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['STRIPE_SECRET_KEY'],
        message: 'is required in production',
      });
    }
    if (env.NODE_ENV === 'production' && !env.STRIPE_WEBHOOK_SECRET?.length) {
      context.addIssue({
        code: 'custom',
        path: ['STRIPE_WEBHOOK_SECRET'],
        message: 'is required in production',
      });
    }
    if (env.NODE_ENV === 'production' && !env.INTERNAL_API_TOKEN) {
      context.addIssue({
        code: 'custom',
        path: ['INTERNAL_API_TOKEN'],
        message: 'is required in production (the same value as Identity, at least 32 characters)',
      });
    }
    if (!env.JWT_PUBLIC_KEY && !env.IDENTITY_JWKS_URL && env.NODE_ENV === 'production') {
      context.addIssue({
        code: 'custom',
        path: ['IDENTITY_JWKS_URL'],
        message: 'set IDENTITY_JWKS_URL or JWT_PUBLIC_KEY so tokens can be verified',
      });
    }
  });

export type WizardConfig = z.infer<typeof wizardEnvSchema>;

export const validateWizardEnv = envValidator(wizardEnvSchema);
