import type { AuthenticatedUser } from './access-token';

/**
 * Optional: a service that knows the sessions binds this token (in a global module), and the
 * guard then refuses tokens whose session has ended or whose user is disabled, at once.
 */
export const SESSION_VALIDATOR = Symbol('SESSION_VALIDATOR');

export interface SessionValidator {
  /** `token` is the bearer token itself, for a validator that asks the issuer. */
  isLive(user: AuthenticatedUser, token: string): Promise<boolean>;
}
