import { AppError } from '@app/common';
import { ConfigService } from '@nestjs/config';
import type { IdentityConfig } from '../config/identity-env';
import { validateIdentityEnv } from '../config/identity-env';
import { PhonePolicy } from './phone-policy';
import { TwoFactorSettings } from './two-factor.settings';

const policy = new PhonePolicy(
  new TwoFactorSettings(
    new ConfigService<IdentityConfig, true>(
      validateIdentityEnv({ SMS_ALLOWED_COUNTRIES: 'DE,AT' }),
    ),
  ),
);

function refusalOf(input: string): string {
  try {
    policy.accept(input);
  } catch (error: unknown) {
    if (error instanceof AppError && error.kind === 'invalid') {
      return error.message;
    }
    throw error;
  }

  throw new Error(`${input} was accepted`);
}

describe('PhonePolicy', () => {
  it('takes a mobile of an allowed country, as E.164', () => {
    expect(policy.accept('+43 664 1234567')).toEqual(
      expect.objectContaining({ e164: '+436641234567', country: 'AT', type: 'MOBILE' }),
    );
  });

  it('names the allowed countries when refusing another one', () => {
    expect(refusalOf('+41 79 123 45 67')).toBe(
      'phone: codes can only be sent to numbers from DE, AT; numbers from CH (+41) are not served.',
    );
    expect(refusalOf('+800 1234 5678')).toBe(
      'phone: codes can only be sent to numbers from DE, AT; numbers from +800 are not served.',
    );
  });

  it('refuses landline, premium-rate, toll-free and shared-cost numbers', () => {
    for (const number of [
      '+49 30 1234567',
      '+49 900 1234567',
      '+49 800 1234567',
      '+49 180 1234567',
    ]) {
      expect(refusalOf(number)).toMatch(/^phone must be a mobile number/);
    }
  });

  it('passes on what the parser says about a malformed number', () => {
    expect(refusalOf('0151 23456789')).toMatch(/^phone must start with \+/);
    expect(refusalOf('+49 151 2')).toMatch(/^phone /);
  });
});
