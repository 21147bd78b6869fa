import { booleanFlag, optionalUrl } from '@app/common';
import { EMAIL_PROVIDERS, type EmailProviderName } from '@app/email';
import { z } from 'zod';

const positiveInt = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/** The same variables as the Wizard's, so one `.env` configures the email of both services. */
export const IDENTITY_EMAIL_ENV = {
  AMQP_URL: optionalUrl,
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
  /**
   * Not the Wizard's EMAIL_QUEUE_NAME: one `.env` serves both services, and on one broker each
   * must work only its own emails (a job names a row of its own database).
   */
  IDENTITY_EMAIL_QUEUE_NAME: z
    .string()
    .regex(/^[\w.-]{1,200}$/, 'must be letters, digits, dots, dashes or underscores')
    .default('identity.email'),
  EMAIL_WORKER_ENABLED: booleanFlag.default(true),
};

interface EmailEnv {
  NODE_ENV: string;
  EMAIL_PROVIDER?: EmailProviderName;
  MAILJET_API_KEY?: string;
  MAILJET_API_SECRET?: string;
  SMTP_URL?: string;
}

/** Mailjet in production, the console elsewhere, unless EMAIL_PROVIDER says otherwise. */
export function emailProviderOf(env: EmailEnv): EmailProviderName {
  return env.EMAIL_PROVIDER ?? (env.NODE_ENV === 'production' ? 'mailjet' : 'console');
}

export function checkEmailEnv(env: EmailEnv, context: z.RefinementCtx): void {
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
  // The console adapter prints bodies, and Identity's bodies hold password reset links.
  if (provider === 'console' && env.NODE_ENV === 'production') {
    context.addIssue({
      code: 'custom',
      path: ['EMAIL_PROVIDER'],
      message: 'console would print password reset links into the logs; use mailjet or smtp',
    });
  }
}

export function withEmailDefaults<Env extends EmailEnv>(
  env: Env,
): Env & { EMAIL_PROVIDER: EmailProviderName } {
  return { ...env, EMAIL_PROVIDER: emailProviderOf(env) };
}
