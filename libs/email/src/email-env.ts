import { booleanFlag, optionalUrl } from '@app/common';
import { z } from 'zod';
import { EMAIL_PROVIDERS, type EmailModuleOptions, type EmailProviderName } from './email.options';
import type { EmailOutboxModuleOptions } from './outbox/email-outbox.options';

const positiveInt = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/**
 * The email variables every service reads, by the same names, so one `.env` configures the
 * email of all. Each app spreads these into its own validated schema.
 */
export const EMAIL_ENV = {
  EMAIL_PROVIDER: z.enum(EMAIL_PROVIDERS).optional(),
  EMAIL_FROM: z.email().default('no-reply@gym-platform.local'),
  EMAIL_FROM_NAME: z.string().trim().min(1).default('Gym Platform'),
  MAILJET_API_KEY: z.string().optional(),
  MAILJET_API_SECRET: z.string().optional(),
  MAILJET_API_BASE_URL: optionalUrl,
  SMTP_URL: optionalUrl,
  EMAIL_TIMEOUT_MS: positiveInt(10_000, 300_000),
  EMAIL_MAX_ATTEMPTS: positiveInt(8, 100),
  EMAIL_BACKOFF_BASE_MS: positiveInt(2_000, 3_600_000),
  EMAIL_BACKOFF_CAP_MS: positiveInt(600_000, 86_400_000),
  EMAIL_TIMEOUT_RETRY_DELAY_MS: positiveInt(5_000, 3_600_000),
  OUTBOX_RELAY_INTERVAL_MS: positiveInt(1_000, 3_600_000),
  EMAIL_WORKER_ENABLED: booleanFlag.default(true),
};

type ParsedEmailEnv = z.infer<z.ZodObject<typeof EMAIL_ENV>>;

/** The parsed variables once the provider is settled. */
export type EmailSettings = ParsedEmailEnv & { EMAIL_PROVIDER: EmailProviderName };

interface EmailEnvToCheck {
  NODE_ENV: string;
  EMAIL_PROVIDER?: EmailProviderName;
  MAILJET_API_KEY?: string;
  MAILJET_API_SECRET?: string;
  SMTP_URL?: string;
}

/** Mailjet in production, the console elsewhere, unless EMAIL_PROVIDER says otherwise. */
export function emailProviderOf(env: EmailEnvToCheck): EmailProviderName {
  return env.EMAIL_PROVIDER ?? (env.NODE_ENV === 'production' ? 'mailjet' : 'console');
}

export function withEmailDefaults<Env extends EmailEnvToCheck>(
  env: Env,
): Env & { EMAIL_PROVIDER: EmailProviderName } {
  return { ...env, EMAIL_PROVIDER: emailProviderOf(env) };
}

/** For a schema's superRefine: what the chosen provider needs, named by variable. */
export function checkEmailEnv(env: EmailEnvToCheck, context: z.RefinementCtx): void {
  const provider = emailProviderOf(env);

  if (provider === 'mailjet' && !(env.MAILJET_API_KEY && env.MAILJET_API_SECRET)) {
    context.addIssue({
      code: 'custom',
      path: ['MAILJET_API_KEY'],
      message: 'MAILJET_API_KEY and MAILJET_API_SECRET are required when EMAIL_PROVIDER=mailjet',
    });
  }
  if (provider === 'smtp' && !env.SMTP_URL) {
    context.addIssue({
      code: 'custom',
      path: ['SMTP_URL'],
      message: 'is required when EMAIL_PROVIDER=smtp',
    });
  }
  // The console adapter prints bodies, and they hold activation and password reset links.
  if (provider === 'console' && env.NODE_ENV === 'production') {
    context.addIssue({
      code: 'custom',
      path: ['EMAIL_PROVIDER'],
      message: 'console prints emails, and the links in them, into the logs; use mailjet or smtp',
    });
  }
}

export function emailModuleOptionsOf(env: EmailSettings): EmailModuleOptions {
  return {
    provider: env.EMAIL_PROVIDER,
    from: { email: env.EMAIL_FROM, name: env.EMAIL_FROM_NAME },
    mailjet:
      env.MAILJET_API_KEY && env.MAILJET_API_SECRET
        ? {
            apiKey: env.MAILJET_API_KEY,
            apiSecret: env.MAILJET_API_SECRET,
            baseUrl: env.MAILJET_API_BASE_URL,
            timeoutMs: env.EMAIL_TIMEOUT_MS,
          }
        : undefined,
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, timeoutMs: env.EMAIL_TIMEOUT_MS } : undefined,
  };
}

/** What the outbox reads of the email variables. */
export type OutboxSettings = Pick<
  ParsedEmailEnv,
  | 'OUTBOX_RELAY_INTERVAL_MS'
  | 'EMAIL_MAX_ATTEMPTS'
  | 'EMAIL_BACKOFF_BASE_MS'
  | 'EMAIL_BACKOFF_CAP_MS'
  | 'EMAIL_TIMEOUT_RETRY_DELAY_MS'
  | 'EMAIL_TIMEOUT_MS'
  | 'EMAIL_WORKER_ENABLED'
>;

export function emailOutboxOptionsOf(
  env: OutboxSettings,
  queueName: string,
): EmailOutboxModuleOptions {
  return {
    relayIntervalMs: env.OUTBOX_RELAY_INTERVAL_MS,
    maxAttempts: env.EMAIL_MAX_ATTEMPTS,
    backoffBaseMs: env.EMAIL_BACKOFF_BASE_MS,
    backoffCapMs: env.EMAIL_BACKOFF_CAP_MS,
    timeoutRetryDelayMs: env.EMAIL_TIMEOUT_RETRY_DELAY_MS,
    // A lease shorter than a send would hand a slow email to a second worker.
    leaseMs: Math.max(60_000, env.EMAIL_TIMEOUT_MS * 3),
    queueName,
    runWorker: env.EMAIL_WORKER_ENABLED,
  };
}
