import { AppError, InvalidRequestError } from '@app/common';
import type { PasswordResetToken } from './password-reset-token.entity';

/**
 * Throws the answer for a link that cannot be used: 400 for a token we never issued, 410 for
 * one that was spent, voided or has expired. Telling these apart helps the person holding the
 * link and tells nothing to anyone else, who would need the token itself.
 */
export function assertResetTokenUsable(
  reset: PasswordResetToken | null,
  now = new Date(),
): asserts reset is PasswordResetToken {
  if (!reset) {
    throw unknownResetToken();
  }
  if (reset.usedAt) {
    throw new AppError(
      'gone',
      'This password reset link was already used; ask for a new one to change the password again.',
    );
  }
  if (reset.voidedAt) {
    throw new AppError(
      'gone',
      'This password reset link was replaced by a newer one; use the link from the latest email.',
    );
  }
  if (reset.expiresAt.getTime() <= now.getTime()) {
    throw new AppError('gone', 'This password reset link has expired; ask for a new one.');
  }
}

export function unknownResetToken(): InvalidRequestError {
  return new InvalidRequestError(
    'This password reset link is not valid; use the link from the latest email, or ask for a new one.',
  );
}
