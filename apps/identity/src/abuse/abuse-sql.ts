/**
 * The limiter's statements. Times are the database's, so copies whose clocks differ still
 * agree. Each key of an attempt takes six parameters: scope, key hash, free attempts, base
 * delay, max delay, forget after (seconds).
 */
const NOW = 'statement_timestamp()';

const PARAMETERS_PER_KEY = 6;

// A statement per shape (how many keys), built once: every login asks for the same two.
const statements = new Map<string, string>();

function cached(shape: string, build: () => string): string {
  let sql = statements.get(shape);
  if (sql === undefined) {
    sql = build();
    statements.set(shape, sql);
  }

  return sql;
}

/** The upsert that counts key `index` when `guard` holds; it answers a row when counted. */
function countKey(index: number, guard: string): string {
  const $ = (n: number) => `$${index * PARAMETERS_PER_KEY + n}`;
  // The streak after this attempt: a counter left alone past forget_at starts again.
  const streak = `(CASE WHEN c.forget_at <= ${NOW} THEN 1 ELSE c.attempts + 1 END)`;
  // Once a streak has used its free attempts, the next one waits base * 2^(over), capped.
  const nextAttemptAfter = (count: string) =>
    `(CASE WHEN ${count} >= ${$(3)} THEN ${NOW} + make_interval(secs =>
      least(${$(5)}::float8, ${$(4)}::float8 * power(2, least(${count} - ${$(3)}, 30)))) END)`;
  const forgetAt = `${NOW} + make_interval(secs => ${$(6)}::float8)`;

  return `
    INSERT INTO abuse_counters AS c
      (scope, key_hash, attempts, last_attempt_at, next_attempt_at, forget_at)
    SELECT ${$(1)}::text, ${$(2)}::text, 1, ${NOW}, ${nextAttemptAfter('1')}, ${forgetAt}
     WHERE ${guard}
    ON CONFLICT (scope, key_hash) DO UPDATE SET
      attempts = ${streak},
      last_attempt_at = ${NOW},
      next_attempt_at = ${nextAttemptAfter(streak)},
      forget_at = ${forgetAt}
    WHERE c.next_attempt_at IS NULL OR c.next_attempt_at <= ${NOW}
    RETURNING 1`;
}

/**
 * Counts the keys in order, in one statement: each is counted only when the one before it
 * was, so the first key that must still wait leaves the later ones as they were. Answers
 * `counted`, how many keys passed: the key at that index, if any, was refused.
 */
export function attemptSql(keyCount: number): string {
  return cached(`attempt:${keyCount}`, () => buildAttemptSql(keyCount));
}

function buildAttemptSql(keyCount: number): string {
  const steps = Array.from({ length: keyCount }, (_, index) => {
    const guard = index === 0 ? 'true' : `EXISTS (SELECT 1 FROM key_${index - 1})`;

    return `key_${index} AS (${countKey(index, guard)})`;
  });
  const counted = steps.map((_, index) => `(SELECT count(*) FROM key_${index})`).join(' + ');

  return `WITH ${steps.join(',\n')}\nSELECT (${counted})::int AS counted`;
}

export const RETRY_AFTER_SQL = `
  SELECT ceil(extract(epoch FROM next_attempt_at - ${NOW}))::int AS seconds
  FROM abuse_counters WHERE scope = $1 AND key_hash = $2`;

/**
 * Forgets the streaks of `resetCount` keys ($1 scope, $2 key hash, then the next pair ...) and
 * gives back one attempt to each of `refundCount` keys after them (scope, key hash, free
 * attempts), in one statement.
 */
export function forgiveSql(resetCount: number, refundCount: number): string {
  return cached(`forgive:${resetCount}:${refundCount}`, () =>
    buildForgiveSql(resetCount, refundCount),
  );
}

function buildForgiveSql(resetCount: number, refundCount: number): string {
  const resets = Array.from({ length: resetCount }, (_, index) => {
    const $ = (n: number) => `$${index * 2 + n}`;

    return `reset_${index} AS (
      DELETE FROM abuse_counters WHERE scope = ${$(1)} AND key_hash = ${$(2)})`;
  });
  const refunds = Array.from({ length: refundCount }, (_, index) => {
    const $ = (n: number) => `$${resetCount * 2 + index * 3 + n}`;

    // Both SET expressions read the row as it was.
    return `refund_${index} AS (
      UPDATE abuse_counters SET
        attempts = greatest(attempts - 1, 0),
        next_attempt_at = CASE WHEN attempts - 1 >= ${$(3)} THEN next_attempt_at END
      WHERE scope = ${$(1)} AND key_hash = ${$(2)})`;
  });

  return `WITH ${[...resets, ...refunds].join(',\n')}\nSELECT 1`;
}

export const FORGET_EXPIRED_SQL = `
  DELETE FROM abuse_counters
  WHERE forget_at < ${NOW} AND (next_attempt_at IS NULL OR next_attempt_at < ${NOW})`;
