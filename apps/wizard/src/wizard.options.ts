import type { AuthOptions } from '@app/common';
import type { EmailModuleOptions, EmailOutboxModuleOptions } from '@app/email';
import type { PaymentsModuleOptions } from '@app/payments';
import type { QueueModuleOptions } from '@app/queue';
import type { WizardConfig } from './config/wizard-env';

// Outside production the service starts without Stripe; checkout then answers 503.
const UNCONFIGURED_STRIPE_KEY = 'sk_test_unconfigured';

export function queueOptions(config: WizardConfig): QueueModuleOptions {
  return config.AMQP_URL
    ? { driver: 'rabbitmq', url: config.AMQP_URL, connectionName: `wizard-${process.pid}` }
    : { driver: 'in-process' };
}

export function emailOptions(config: WizardConfig): EmailModuleOptions {
  return {
    provider: config.EMAIL_PROVIDER,
    from: { email: config.EMAIL_FROM, name: config.EMAIL_FROM_NAME },
    mailjet:
      config.MAILJET_API_KEY && config.MAILJET_API_SECRET
        ? {
            apiKey: config.MAILJET_API_KEY,
            apiSecret: config.MAILJET_API_SECRET,
            baseUrl: config.MAILJET_API_BASE_URL,
            timeoutMs: config.EMAIL_TIMEOUT_MS,
          }
        : undefined,
    smtp: config.SMTP_URL
      ? { url: config.SMTP_URL, timeoutMs: config.EMAIL_TIMEOUT_MS }
      : undefined,
  };
}

export function outboxOptions(config: WizardConfig): EmailOutboxModuleOptions {
  return {
    relayIntervalMs: config.OUTBOX_RELAY_INTERVAL_MS,
    maxAttempts: config.EMAIL_MAX_ATTEMPTS,
    backoffBaseMs: config.EMAIL_BACKOFF_BASE_MS,
    backoffCapMs: config.EMAIL_BACKOFF_CAP_MS,
    timeoutRetryDelayMs: config.EMAIL_TIMEOUT_RETRY_DELAY_MS,
    leaseMs: Math.max(60_000, config.EMAIL_TIMEOUT_MS * 3),
    queueName: config.EMAIL_QUEUE_NAME,
    runWorker: config.EMAIL_WORKER_ENABLED,
  };
}

export function paymentsOptions(config: WizardConfig): PaymentsModuleOptions {
  return {
    provider: 'stripe',
    stripe: {
      secretKey: config.STRIPE_SECRET_KEY ?? UNCONFIGURED_STRIPE_KEY,
      webhookSecrets: config.STRIPE_WEBHOOK_SECRET ?? [],
      webhookToleranceSeconds: config.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
      apiBaseUrl: config.STRIPE_API_BASE_URL,
    },
  };
}

export function authOptions(config: WizardConfig): AuthOptions {
  return {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    publicKeysPem: config.JWT_PUBLIC_KEY ? [decodePem(config.JWT_PUBLIC_KEY)] : undefined,
    jwksUrl:
      config.IDENTITY_JWKS_URL ?? `${config.IDENTITY_URL.replace(/\/$/, '')}/.well-known/jwks.json`,
  };
}

/** Keys come as PEM, or as base64 of the PEM where an env file cannot hold new lines. */
function decodePem(value: string): string {
  return value.includes('-----BEGIN') ? value : Buffer.from(value, 'base64').toString('utf8');
}
