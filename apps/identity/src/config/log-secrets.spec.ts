import { generateKeyPairSync } from 'node:crypto';
import { SecretMasker } from '@app/common';
import { validateIdentityEnv } from './identity-env';
import { secretsToMask } from './log-secrets';

describe('secretsToMask', () => {
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const base64 = Buffer.from(pem).toString('base64');
  const rawEnv = {
    JWT_PRIVATE_KEY: base64,
    DATABASE_URL: 'postgres://identity:s3cret-db-password@db.internal:5432/identity',
  };
  const masker = new SecretMasker(secretsToMask(rawEnv, validateIdentityEnv(rawEnv), pem));

  it('masks the key as given, as PEM, inside a JSON line, and line by line', () => {
    const lines = [
      `env ${base64}`,
      `pem ${pem}`,
      JSON.stringify({ msg: 'key', key: pem }),
      `part ${pem.split('\n')[2]}`,
    ];

    for (const line of lines) {
      expect(masker.mask(line)).toContain('[REDACTED]');
      expect(masker.mask(line)).not.toMatch(/[A-Za-z0-9+/]{40,}/);
    }
  });

  it('masks the database password', () => {
    expect(masker.mask('connect failed: s3cret-db-password')).toBe('connect failed: [REDACTED]');
  });

  it('masks the Mailjet key and secret, and the broker and SMTP passwords', () => {
    const emailEnv = {
      EMAIL_PROVIDER: 'mailjet',
      MAILJET_API_KEY: 'mj-key-0123456789',
      MAILJET_API_SECRET: 'mj-secret-0123456789',
      AMQP_URL: 'amqp://identity:amqp-pass-0123@mq.internal:5672',
      SMTP_URL: 'smtp://mailer:smtp-pass-0123@mx.internal:587',
    };
    const emailMasker = new SecretMasker(
      secretsToMask(emailEnv, validateIdentityEnv(emailEnv), pem),
    );

    const line = emailMasker.mask(
      'mj-key-0123456789 mj-secret-0123456789 amqp-pass-0123 smtp-pass-0123',
    );

    expect(line).toBe('[REDACTED] [REDACTED] [REDACTED] [REDACTED]');
  });

  it('masks the Twilio auth token and the 2FA code secret', () => {
    const smsEnv = {
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'twilio-token-0123456789abcdef',
      TWILIO_PHONE_NUMBER: '+4915700000001',
      TWO_FACTOR_CODE_SECRET: 'code-secret-0123456789abcdef0123456789',
    };
    const smsMasker = new SecretMasker(secretsToMask(smsEnv, validateIdentityEnv(smsEnv), pem));

    expect(
      smsMasker.mask(`token ${smsEnv.TWILIO_AUTH_TOKEN} key ${smsEnv.TWO_FACTOR_CODE_SECRET}`),
    ).toBe('token [REDACTED] key [REDACTED]');
  });
});
