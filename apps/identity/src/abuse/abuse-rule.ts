/**
 * How one kind of attempt is limited. The first `freeAttempts` of a streak pass at once;
 * after that each attempt must wait `baseDelaySeconds`, doubled at every further attempt, up
 * to `maxDelaySeconds`. A key left alone for `forgetAfterSeconds` starts again.
 * Unset delays take the service's RATE_LIMIT_* settings.
 */
export interface AbuseRule {
  /** Names the counter, e.g. `login.account`; one rule per scope. */
  readonly scope: string;
  readonly freeAttempts: number;
  readonly baseDelaySeconds?: number;
  readonly maxDelaySeconds?: number;
  readonly forgetAfterSeconds?: number;
}

/** One key counted under one rule: the account `owner@x.test` under `login.account`. */
export interface LimitedKey {
  readonly rule: AbuseRule;
  readonly value: string;
}

export type AbuseVerdict =
  { allowed: true } | { allowed: false; scope: string; retryAfterSeconds: number };
