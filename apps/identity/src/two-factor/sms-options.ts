import type { SmsModuleOptions } from '@app/sms';
import type { ConfigService } from '@nestjs/config';
import type { IdentityConfig } from '../config/identity-env';
import { smsProviderOf } from './two-factor.env';

/** The SmsModule options from Identity's validated config. */
export function smsOptions(config: ConfigService<IdentityConfig, true>): SmsModuleOptions {
  const get = <Key extends keyof IdentityConfig>(key: Key) =>
    config.get(key, { infer: true }) as IdentityConfig[Key];
  const accountSid = get('TWILIO_ACCOUNT_SID');
  const authToken = get('TWILIO_AUTH_TOKEN');
  const fromNumber = get('TWILIO_PHONE_NUMBER');

  return {
    provider: smsProviderOf({ NODE_ENV: get('NODE_ENV'), SMS_PROVIDER: get('SMS_PROVIDER') }),
    twilio:
      accountSid && authToken && fromNumber
        ? {
            accountSid,
            authToken,
            fromNumber,
            apiBaseUrl: get('TWILIO_API_BASE_URL'),
            timeoutMs: get('TWILIO_TIMEOUT_MS'),
          }
        : undefined,
  };
}
