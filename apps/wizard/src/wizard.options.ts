import type { AuthOptions } from '@app/common';
import {
  emailModuleOptionsOf,
  emailOutboxOptionsOf,
  type EmailModuleOptions,
  type EmailOutboxModuleOptions,
} from '@app/email';
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
  return emailModuleOptionsOf(config);
}

export function outboxOptions(config: WizardConfig): EmailOutboxModuleOptions {
  return emailOutboxOptionsOf(config, config.EMAIL_QUEUE_NAME);
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
