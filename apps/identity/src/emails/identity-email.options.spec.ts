import { ConfigService } from '@nestjs/config';
import { type IdentityConfig, validateIdentityEnv } from '../config/identity-env';
import {
  identityEmailOptions,
  identityOutboxOptions,
  identityQueueOptions,
} from './identity-email.options';

describe('Identity email options', () => {
  it('uses RabbitMQ when AMQP_URL is set, the in-process queue otherwise', () => {
    expect(identityQueueOptions(validateIdentityEnv({}))).toEqual({ driver: 'in-process' });
    expect(
      identityQueueOptions(validateIdentityEnv({ AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672' })),
    ).toEqual(
      expect.objectContaining({ driver: 'rabbitmq', url: 'amqp://guest:guest@127.0.0.1:5672' }),
    );
  });

  it('hands the Mailjet settings to the email module', () => {
    const config = validateIdentityEnv({
      EMAIL_PROVIDER: 'mailjet',
      MAILJET_API_KEY: 'key',
      MAILJET_API_SECRET: 'secret',
      EMAIL_TIMEOUT_MS: '2500',
    });

    expect(identityEmailOptions(config)).toEqual({
      provider: 'mailjet',
      from: { email: 'no-reply@gym-platform.local', name: 'Gym Platform' },
      mailjet: { apiKey: 'key', apiSecret: 'secret', baseUrl: undefined, timeoutMs: 2500 },
      smtp: undefined,
    });
  });

  it("works its own queue, never the Wizard's, with the configured retries", () => {
    const settings = new ConfigService<IdentityConfig, true>(
      validateIdentityEnv({ EMAIL_MAX_ATTEMPTS: '3', OUTBOX_RELAY_INTERVAL_MS: '250' }),
    );
    const renamed = new ConfigService<IdentityConfig, true>(
      validateIdentityEnv({ IDENTITY_EMAIL_QUEUE_NAME: 'staging.identity.email' }),
    );

    expect(identityOutboxOptions(settings)).toEqual(
      expect.objectContaining({
        queueName: 'identity.email',
        maxAttempts: 3,
        relayIntervalMs: 250,
        runWorker: true,
      }),
    );
    expect(identityOutboxOptions(renamed).queueName).toBe('staging.identity.email');
  });
});
