import { AppError, InvalidRequestError } from '@app/common';
import type { PasswordResetToken } from './password-reset-token.entity';
import { assertResetTokenUsable } from './reset-token-refusal';

const NOW = new Date('2026-05-01T12:00:00Z');

function token(overrides: Partial<PasswordResetToken> = {}): PasswordResetToken {
  return {
    id: 'token-id',
    userId: 'user-id',
    tokenHash: 'hash',
    expiresAt: new Date('2026-05-01T12:30:00Z'),
    usedAt: null,
    voidedAt: null,
    createdAt: new Date('2026-05-01T11:30:00Z'),
    ...overrides,
  };
}

function refusalOf(reset: PasswordResetToken | null): AppError {
  try {
    assertResetTokenUsable(reset, NOW);
  } catch (error: unknown) {
    if (error instanceof AppError) {
      return error;
    }
    throw error;
  }

  throw new Error('The token was accepted');
}

describe('assertResetTokenUsable', () => {
  it('lets a live token through', () => {
    expect(() => assertResetTokenUsable(token(), NOW)).not.toThrow();
  });

  it('answers 400 for a token never issued', () => {
    expect(refusalOf(null)).toBeInstanceOf(InvalidRequestError);
  });

  it('answers 410, saying why, for a spent, voided or expired token', () => {
    const cases: Array<[Partial<PasswordResetToken>, RegExp]> = [
      [{ usedAt: NOW }, /already used/],
      [{ voidedAt: NOW }, /replaced by a newer one/],
      [{ expiresAt: NOW }, /expired/],
    ];

    for (const [change, message] of cases) {
      const refusal = refusalOf(token(change));

      expect(refusal.kind).toBe('gone');
      expect(refusal.message).toMatch(message);
    }
  });
});
