import {
  emailModuleOptionsOf,
  emailOutboxOptionsOf,
  type EmailModuleOptions,
  type EmailOutboxModuleOptions,
  type OutboxSettings,
} from '@app/email';
import type { QueueModuleOptions } from '@app/queue';
import type { ConfigService } from '@nestjs/config';
import type { IdentityConfig } from '../config/identity-env';

export function identityQueueOptions(config: IdentityConfig): QueueModuleOptions {
  return config.AMQP_URL
    ? { driver: 'rabbitmq', url: config.AMQP_URL, connectionName: `identity-${process.pid}` }
    : { driver: 'in-process' };
}

export function identityEmailOptions(config: IdentityConfig): EmailModuleOptions {
  return emailModuleOptionsOf(config);
}

/** Read through ConfigService: the outbox module is built in IdentityEmailsModule's factory. */
export function identityOutboxOptions(
  settings: ConfigService<IdentityConfig, true>,
): EmailOutboxModuleOptions {
  const read = <Key extends keyof OutboxSettings>(key: Key) => settings.get(key, { infer: true });

  return emailOutboxOptionsOf(
    {
      OUTBOX_RELAY_INTERVAL_MS: read('OUTBOX_RELAY_INTERVAL_MS'),
      EMAIL_MAX_ATTEMPTS: read('EMAIL_MAX_ATTEMPTS'),
      EMAIL_BACKOFF_BASE_MS: read('EMAIL_BACKOFF_BASE_MS'),
      EMAIL_BACKOFF_CAP_MS: read('EMAIL_BACKOFF_CAP_MS'),
      EMAIL_TIMEOUT_RETRY_DELAY_MS: read('EMAIL_TIMEOUT_RETRY_DELAY_MS'),
      EMAIL_TIMEOUT_MS: read('EMAIL_TIMEOUT_MS'),
      EMAIL_WORKER_ENABLED: read('EMAIL_WORKER_ENABLED'),
    },
    settings.get('IDENTITY_EMAIL_QUEUE_NAME', { infer: true }),
  );
}
