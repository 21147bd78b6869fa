import { commaSeparated, optionalUrl } from '@app/common';
import { isPhoneCountry, type SmsProviderName } from '@app/sms';
import { z } from 'zod';

const count = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

const countries = commaSeparated
  .transform((codes) => codes.map((code) => code.toUpperCase()))
  .refine((codes) => codes.length > 0, 'must name at least one country')
  .refine(
    (codes) => codes.every(isPhoneCountry),
    'must be ISO 3166-1 alpha-2 codes separated by commas, e.g. DE,AT,CH',
  );

/** SMS 2FA and the Twilio account it sends through; spread into Identity's env schema. */
export const TWO_FACTOR_ENV = {
  /** twilio | console; unset: twilio in production, console otherwise. */
  SMS_PROVIDER: z.enum(['twilio', 'console']).optional(),
  TWILIO_ACCOUNT_SID: z
    .string()
    .trim()
    .refine((sid) => /^AC[0-9a-fA-F]{32}$/.test(sid), 'must be AC followed by 32 hex digits')
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().trim().min(1).optional(),
  TWILIO_PHONE_NUMBER: z
    .string()
    .trim()
    .refine(
      (number) => /^\+[1-9]\d{6,14}$/.test(number),
      'must be the sender number in E.164, e.g. +4915700000001',
    )
    .optional(),
  /** A local Twilio stand-in; http:// only outside production. */
  TWILIO_API_BASE_URL: optionalUrl,
  TWILIO_TIMEOUT_MS: count(10_000, 60_000),
  /** Countries whose numbers may get codes, e.g. DE,AT,CH. */
  SMS_ALLOWED_COUNTRIES: countries.default(['DE', 'AT', 'CH']),
  /** Daily caps on codes sent (UTC days), each counted in PostgreSQL across all copies. */
  SMS_MAX_PER_NUMBER_PER_DAY: count(10, 10_000),
  SMS_MAX_PER_USER_PER_DAY: count(10, 10_000),
  SMS_MAX_PER_IP_PER_DAY: count(30, 1_000_000),
  SMS_MAX_PER_COUNTRY_PER_DAY: count(2_000, 10_000_000),
  /** Codes to a number not yet verified (turning 2FA on), per user and day. */
  SMS_ENABLE_MAX_PER_USER_PER_DAY: count(5, 1_000),
  /** Seconds between two codes for one user; 0 turns the wait off. */
  SMS_RESEND_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(3_600).default(30),
  TWO_FACTOR_CODE_TTL_SECONDS: z.coerce.number().int().min(60).max(3_600).default(600),
  /** The HMAC key of stored codes; unset outside production: a random key per process. */
  TWO_FACTOR_CODE_SECRET: z.string().trim().min(32).optional(),
};

interface TwoFactorEnv {
  NODE_ENV: string;
  SMS_PROVIDER?: SmsProviderName;
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  TWILIO_PHONE_NUMBER?: string;
  TWILIO_API_BASE_URL?: string;
  TWO_FACTOR_CODE_SECRET?: string;
}

export function smsProviderOf(
  env: Pick<TwoFactorEnv, 'NODE_ENV' | 'SMS_PROVIDER'>,
): SmsProviderName {
  return env.SMS_PROVIDER ?? (env.NODE_ENV === 'production' ? 'twilio' : 'console');
}

export function checkTwoFactorEnv(env: TwoFactorEnv, context: z.RefinementCtx): void {
  const problem = (variable: string, message: string) =>
    context.addIssue({ code: 'custom', path: [variable], message });
  const production = env.NODE_ENV === 'production';

  if (smsProviderOf(env) === 'twilio') {
    for (const variable of [
      'TWILIO_ACCOUNT_SID',
      'TWILIO_AUTH_TOKEN',
      'TWILIO_PHONE_NUMBER',
    ] as const) {
      if (!env[variable]) {
        problem(variable, 'is required when SMS_PROVIDER=twilio (the default in production)');
      }
    }
  }
  // The console adapter prints codes and numbers into the logs.
  if (production && env.SMS_PROVIDER === 'console') {
    problem('SMS_PROVIDER', 'cannot be console in production (it prints codes to the log)');
  }
  // Over plain http the auth token would cross the network readable.
  if (production && env.TWILIO_API_BASE_URL && !env.TWILIO_API_BASE_URL.startsWith('https://')) {
    problem('TWILIO_API_BASE_URL', 'must be an https URL in production');
  }
  // Copies behind a load balancer must agree on the key, or a code sent by one fails on another.
  if (production && !env.TWO_FACTOR_CODE_SECRET) {
    problem('TWO_FACTOR_CODE_SECRET', 'is required in production (at least 32 random characters)');
  }
}
