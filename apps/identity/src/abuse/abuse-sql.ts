/**
 * The limiter's statements. Parameters of ATTEMPT_SQL: $1 scope, $2 key hash, $3 free
 * attempts, $4 base delay, $5 max delay, $6 forget after (seconds). Times are the database's,
 * so copies whose clocks differ still agree.
 */
const NOW = 'statement_timestamp()';

// The streak after this attempt: a counter left alone past forget_at starts again.
const STREAK = `(CASE WHEN c.forget_at <= ${NOW} THEN 1 ELSE c.attempts + 1 END)`;

// Once a streak has used its free attempts, the next one waits base * 2^(over), capped.
function nextAttemptAfter(streak: string): string {
  return `(CASE WHEN ${streak} >= $3 THEN ${NOW} + make_interval(secs =>
    least($5::float8, $4::float8 * power(2, least(${streak} - $3, 30)))) END)`;
}

const FORGET_AT = `${NOW} + make_interval(secs => $6::float8)`;

/** Counts the attempt and answers a row, or answers none when the key must still wait. */
export const ATTEMPT_SQL = `
  INSERT INTO abuse_counters AS c
    (scope, key_hash, attempts, last_attempt_at, next_attempt_at, forget_at)
  VALUES ($1, $2, 1, ${NOW}, ${nextAttemptAfter('1')}, ${FORGET_AT})
  ON CONFLICT (scope, key_hash) DO UPDATE SET
    attempts = ${STREAK},
    last_attempt_at = ${NOW},
    next_attempt_at = ${nextAttemptAfter(STREAK)},
    forget_at = ${FORGET_AT}
  WHERE c.next_attempt_at IS NULL OR c.next_attempt_at <= ${NOW}
  RETURNING c.attempts`;

export const RETRY_AFTER_SQL = `
  SELECT ceil(extract(epoch FROM next_attempt_at - ${NOW}))::int AS seconds
  FROM abuse_counters WHERE scope = $1 AND key_hash = $2`;

// Both SET expressions read the row as it was: $3 is the rule's free attempts.
export const REFUND_SQL = `
  UPDATE abuse_counters SET
    attempts = greatest(attempts - 1, 0),
    next_attempt_at = CASE WHEN attempts - 1 >= $3 THEN next_attempt_at END
  WHERE scope = $1 AND key_hash = $2`;

export const RESET_SQL = `DELETE FROM abuse_counters WHERE scope = $1 AND key_hash = $2`;

export const FORGET_EXPIRED_SQL = `
  DELETE FROM abuse_counters
  WHERE forget_at < ${NOW} AND (next_attempt_at IS NULL OR next_attempt_at < ${NOW})`;
