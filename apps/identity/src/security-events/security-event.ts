import type { RequestOrigin } from './request-origin';

export type SecurityEventName =
  | 'account.registered'
  | 'account.disabled'
  | 'account.enabled'
  | 'login.succeeded'
  | 'login.failed'
  | 'session.ended'
  | 'refresh_token.reused'
  | 'password_reset.requested'
  | 'password_reset.completed'
  | 'two_factor.enabled'
  | 'two_factor.disabled'
  | 'two_factor.failed';

/**
 * Who did what, from where; the time is the log line's. Never put a password, token, code,
 * link or phone number here: there is no field for one, and `reason` is a fixed code.
 */
export interface SecurityEvent {
  event: SecurityEventName;
  origin: RequestOrigin;
  userId?: string;
  /** The email the request named (e.g. a failed login); logged masked and fingerprinted. */
  email?: string;
  sessionId?: string;
  /** A short fixed code, e.g. `bad_credentials`, never text from the request. */
  reason?: string;
  /** Who did it, when not the user themselves (an admin disabling an account). */
  actorId?: string;
}
