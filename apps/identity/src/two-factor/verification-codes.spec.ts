import { ConfigService } from '@nestjs/config';
import type { IdentityConfig } from '../config/identity-env';
import { validateIdentityEnv } from '../config/identity-env';
import { TwoFactorSettings } from './two-factor.settings';
import { VerificationCodes } from './verification-codes';

function codesWith(env: Record<string, string> = {}): VerificationCodes {
  const config = new ConfigService<IdentityConfig, true>(validateIdentityEnv(env));

  return new VerificationCodes(new TwoFactorSettings(config));
}

const CHALLENGE = '6c3a2f6e-6a51-4d6f-9a43-2b7f3c9d1e10';
const OTHER_CHALLENGE = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';

describe('VerificationCodes', () => {
  const codes = codesWith({ TWO_FACTOR_CODE_SECRET: 's'.repeat(32) });

  it('makes six digits, leading zeros kept, spread over the whole range', () => {
    const seen = Array.from({ length: 2000 }, () => codes.generate());

    expect(seen.every((code) => /^\d{6}$/.test(code))).toBe(true);
    expect(new Set(seen).size).toBeGreaterThan(1990);
    expect(seen.some((code) => code.startsWith('0'))).toBe(true);
  });

  it('keeps an HMAC that opens for its code, on its challenge only', () => {
    const hash = codes.hash(CHALLENGE, '042137');

    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('042137');
    expect(codes.matches(CHALLENGE, '042137', hash)).toBe(true);
    expect(codes.matches(CHALLENGE, '042138', hash)).toBe(false);
    expect(codes.matches(OTHER_CHALLENGE, '042137', hash)).toBe(false);
    expect(codes.matches(CHALLENGE, '042137', 'not-hex')).toBe(false);
  });

  it('depends on the key: another key, another hash', () => {
    const other = codesWith({ TWO_FACTOR_CODE_SECRET: 't'.repeat(32) });

    expect(other.hash(CHALLENGE, '042137')).not.toBe(codes.hash(CHALLENGE, '042137'));
    expect(codesWith().hash(CHALLENGE, '042137')).not.toBe(codesWith().hash(CHALLENGE, '042137'));
  });

  it('gives counter keys that hide the number and differ per scope', () => {
    const phone = codes.pseudonym('phone', '+4915123456789');

    expect(phone).not.toContain('4915123456789');
    expect(phone).toBe(codes.pseudonym('phone', '+4915123456789'));
    expect(phone).not.toBe(codes.pseudonym('ip', '+4915123456789'));
  });
});
