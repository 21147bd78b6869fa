import type { EmailModuleOptions, EmailOutboxModuleOptions } from '@app/email';
import type { QueueModuleOptions } from '@app/queue';
import type { ConfigService } from '@nestjs/config';
import type { IdentityConfig } from '../config/identity-env';

export function identityQueueOptions(config: IdentityConfig): QueueModuleOptions {
  return config.AMQP_URL
    ? { driver: 'rabbitmq', url: config.AMQP_URL, connectionName: `identity-${process.pid}` }
    : { driver: 'in-process' };
}

export function identityEmailOptions(config: IdentityConfig): EmailModuleOptions {
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

/** Read through ConfigService: the outbox module is built in IdentityEmailsModule's factory. */
export function identityOutboxOptions(
  settings: ConfigService<IdentityConfig, true>,
): EmailOutboxModuleOptions {
  const timeoutMs = settings.get('EMAIL_TIMEOUT_MS', { infer: true });

  return {
    relayIntervalMs: settings.get('OUTBOX_RELAY_INTERVAL_MS', { infer: true }),
    maxAttempts: settings.get('EMAIL_MAX_ATTEMPTS', { infer: true }),
    backoffBaseMs: settings.get('EMAIL_BACKOFF_BASE_MS', { infer: true }),
    backoffCapMs: settings.get('EMAIL_BACKOFF_CAP_MS', { infer: true }),
    timeoutRetryDelayMs: settings.get('EMAIL_TIMEOUT_RETRY_DELAY_MS', { infer: true }),
    leaseMs: Math.max(60_000, timeoutMs * 3),
    queueName: settings.get('IDENTITY_EMAIL_QUEUE_NAME', { infer: true }),
    runWorker: settings.get('EMAIL_WORKER_ENABLED', { infer: true }),
  };
}
