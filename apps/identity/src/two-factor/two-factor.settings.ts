import { randomBytes } from 'node:crypto';
import { ConfigService } from '@nestjs/config';
import type { IdentityConfig } from '../config/identity-env';

/** Only codes tried per challenge; the sixth try fails whatever it holds. */
export const MAX_CODE_ATTEMPTS = 5;

export interface SmsCaps {
  perNumber: number;
  perUser: number;
  perIp: number;
  perCountry: number;
  /** Codes to a number not yet verified (turning 2FA on), per user. */
  enablePerUser: number;
}

/** The 2FA part of Identity's validated config, read once. */
export class TwoFactorSettings {
  readonly codeTtlSeconds: number;
  readonly resendCooldownSeconds: number;
  readonly allowedCountries: readonly string[];
  readonly caps: SmsCaps;
  /** The HMAC key of stored codes (and of counter keys). */
  readonly codeKey: Buffer;

  constructor(config: ConfigService<IdentityConfig, true>) {
    const get = <Key extends keyof IdentityConfig>(key: Key) =>
      config.get(key, { infer: true }) as IdentityConfig[Key];

    this.codeTtlSeconds = get('TWO_FACTOR_CODE_TTL_SECONDS');
    this.resendCooldownSeconds = get('SMS_RESEND_COOLDOWN_SECONDS');
    this.allowedCountries = get('SMS_ALLOWED_COUNTRIES');
    this.caps = {
      perNumber: get('SMS_MAX_PER_NUMBER_PER_DAY'),
      perUser: get('SMS_MAX_PER_USER_PER_DAY'),
      perIp: get('SMS_MAX_PER_IP_PER_DAY'),
      perCountry: get('SMS_MAX_PER_COUNTRY_PER_DAY'),
      enablePerUser: get('SMS_ENABLE_MAX_PER_USER_PER_DAY'),
    };
    // Production requires the secret (see checkTwoFactorEnv); elsewhere a restart only ends
    // the codes in flight.
    const secret = get('TWO_FACTOR_CODE_SECRET');
    this.codeKey = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }
}
