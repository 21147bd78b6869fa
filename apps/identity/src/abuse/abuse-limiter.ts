import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { IdentityConfig } from '../config/identity-env';
import { AbuseRule, AbuseVerdict, LimitedKey } from './abuse-rule';
import { attemptSql, FORGET_EXPIRED_SQL, forgiveSql, RETRY_AFTER_SQL } from './abuse-sql';
import { tooManyAttempts } from './too-many-attempts';

type RuleSettings = Required<AbuseRule>;
type RefusedAttempt = Extract<AbuseVerdict, { allowed: false }>;

/**
 * Growing delays per key, counted in PostgreSQL so that every copy of the service sees the
 * same counts. An attempt is counted before the work it guards, all its keys in one statement,
 * so requests sent in parallel cannot all slip through while the first is still being checked.
 */
@Injectable()
export class AbuseLimiter {
  private readonly logger = new Logger(AbuseLimiter.name);

  private readonly defaults: Omit<RuleSettings, 'scope' | 'freeAttempts'>;

  constructor(
    private readonly dataSource: DataSource,
    config: ConfigService<IdentityConfig, true>,
  ) {
    this.defaults = {
      baseDelaySeconds: config.get('RATE_LIMIT_BASE_DELAY_SECONDS', { infer: true }),
      maxDelaySeconds: config.get('RATE_LIMIT_MAX_DELAY_SECONDS', { infer: true }),
      forgetAfterSeconds: config.get('RATE_LIMIT_FORGET_AFTER_SECONDS', { infer: true }),
    };
  }

  /**
   * Counts one attempt against each key, in order; throws TooManyRequestsError (429 with
   * Retry-After) at the first key that must still wait, leaving the keys after it uncounted.
   */
  async consume(keys: LimitedKey[]): Promise<void> {
    const verdict = await this.attempt(keys);
    if (!verdict.allowed) {
      throw tooManyAttempts(verdict.retryAfterSeconds);
    }
  }

  /** As consume, but answers instead of throwing, for callers that must not show a refusal. */
  async attempt(keys: LimitedKey[]): Promise<AbuseVerdict> {
    if (keys.length === 0) {
      return { allowed: true };
    }

    const values = keys.flatMap((key) => {
      const rule = this.settingsOf(key.rule);

      return [
        rule.scope,
        hashOf(key.value),
        rule.freeAttempts,
        rule.baseDelaySeconds,
        rule.maxDelaySeconds,
        rule.forgetAfterSeconds,
      ];
    });
    const [{ counted }] = (await this.dataSource.query(attemptSql(keys.length), values)) as [
      { counted: number },
    ];
    if (counted === keys.length) {
      return { allowed: true };
    }

    const verdict = await this.refusal(keys[counted]);
    this.logger.warn(
      { scope: verdict.scope, retryAfterSeconds: verdict.retryAfterSeconds },
      'Attempt refused: too many for this key',
    );

    return verdict;
  }

  /** Gives back the attempt just counted, e.g. the IP's for a login that succeeded. */
  refund(keys: LimitedKey[]): Promise<void> {
    return this.forgive({ reset: [], refund: keys });
  }

  /** Forgets the keys' streaks, e.g. the account's after a right password. */
  reset(keys: LimitedKey[]): Promise<void> {
    return this.forgive({ reset: keys, refund: [] });
  }

  /** Both at once, in one statement. */
  async forgive({ reset, refund }: { reset: LimitedKey[]; refund: LimitedKey[] }): Promise<void> {
    if (reset.length + refund.length === 0) {
      return;
    }

    await this.dataSource.query(forgiveSql(reset.length, refund.length), [
      ...reset.flatMap((key) => [key.rule.scope, hashOf(key.value)]),
      ...refund.flatMap((key) => [
        key.rule.scope,
        hashOf(key.value),
        this.settingsOf(key.rule).freeAttempts,
      ]),
    ]);
  }

  /** Deletes the counters nobody needs any more; returns how many. */
  async forgetExpired(): Promise<number> {
    const [, deleted] = (await this.dataSource.query(FORGET_EXPIRED_SQL)) as [unknown, number];

    return deleted;
  }

  private async refusal({ rule, value }: LimitedKey): Promise<RefusedAttempt> {
    const rows = (await this.dataSource.query(RETRY_AFTER_SQL, [
      rule.scope,
      hashOf(value),
    ])) as Array<{ seconds: number | null }>;

    return {
      allowed: false,
      scope: rule.scope,
      retryAfterSeconds: Math.max(1, Number(rows[0]?.seconds ?? 1)),
    };
  }

  private settingsOf(rule: AbuseRule): RuleSettings {
    return {
      scope: rule.scope,
      freeAttempts: rule.freeAttempts,
      baseDelaySeconds: rule.baseDelaySeconds ?? this.defaults.baseDelaySeconds,
      maxDelaySeconds: rule.maxDelaySeconds ?? this.defaults.maxDelaySeconds,
      forgetAfterSeconds: rule.forgetAfterSeconds ?? this.defaults.forgetAfterSeconds,
    };
  }
}

function hashOf(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
