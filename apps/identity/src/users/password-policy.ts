import { InvalidRequestError } from '@app/common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './account-rules';
import { codePoints, isCommonPassword } from './password-policy.common-passwords';

/**
 * The rules for a new password, after NIST SP 800-63B: a minimum length, long passphrases
 * welcome, no composition rules, and none of the passwords attackers try first. Each Unicode
 * character counts as one. Returns what to change, or undefined when the password is fine.
 */
export function passwordProblem(password: string): string | undefined {
  const length = codePoints(password);

  if (length < PASSWORD_MIN_LENGTH) {
    return `password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `password must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  }
  if (isCommonPassword(password)) {
    return 'password is one of the most common passwords, which attackers try first; choose another (a few unrelated words make a strong one)';
  }

  return undefined;
}

/** For every place a password is set by a person: sign-up and password reset. */
export function assertAcceptablePassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) {
    throw new InvalidRequestError(problem);
  }
}
