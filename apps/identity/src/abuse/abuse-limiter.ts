import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { IdentityConfig } from '../config/identity-env';
import { AbuseRule, AbuseVerdict, LimitedKey } from './abuse-rule';
import {
  ATTEMPT_SQL,
  FORGET_EXPIRED_SQL,
  REFUND_SQL,
  RESET_SQL,
  RETRY_AFTER_SQL,
} from './abuse-sql';
import { tooManyAttempts } from './too-many-attempts';

type RuleSettings = Required<AbuseRule>;

/**
 * Growing delays per key, counted in PostgreSQL so that every copy of the service sees the
 * same counts. An attempt is counted before the work it guards, in one statement, so requests
 * sent in parallel cannot all slip through while the first of them is still being checked.
 */
@Injectable()
export class AbuseLimiter {
  private readonly logger = new Logger(AbuseLimiter.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<IdentityConfig, true>,
  ) {}

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
    for (const key of keys) {
      const verdict = await this.attemptOne(key);
      if (!verdict.allowed) {
        this.logger.warn(
          { scope: verdict.scope, retryAfterSeconds: verdict.retryAfterSeconds },
          'Attempt refused: too many for this key',
        );

        return verdict;
      }
    }

    return { allowed: true };
  }

  /** Gives back the attempt just counted, e.g. the IP's for a login that succeeded. */
  async refund(keys: LimitedKey[]): Promise<void> {
    for (const key of keys) {
      await this.dataSource.query(REFUND_SQL, [
        key.rule.scope,
        hashOf(key.value),
        this.settingsOf(key.rule).freeAttempts,
      ]);
    }
  }

  /** Forgets the keys' streaks, e.g. the account's after a right password. */
  async reset(keys: LimitedKey[]): Promise<void> {
    for (const key of keys) {
      await this.dataSource.query(RESET_SQL, [key.rule.scope, hashOf(key.value)]);
    }
  }

  /** Deletes the counters nobody needs any more; returns how many. */
  async forgetExpired(): Promise<number> {
    const [, deleted] = (await this.dataSource.query(FORGET_EXPIRED_SQL)) as [unknown, number];

    return deleted;
  }

  private async attemptOne({ rule, value }: LimitedKey): Promise<AbuseVerdict> {
    const settings = this.settingsOf(rule);
    const keyHash = hashOf(value);

    const counted = (await this.dataSource.query(ATTEMPT_SQL, [
      settings.scope,
      keyHash,
      settings.freeAttempts,
      settings.baseDelaySeconds,
      settings.maxDelaySeconds,
      settings.forgetAfterSeconds,
    ])) as unknown[];
    if (counted.length > 0) {
      return { allowed: true };
    }

    const rows = (await this.dataSource.query(RETRY_AFTER_SQL, [
      settings.scope,
      keyHash,
    ])) as Array<{
      seconds: number | null;
    }>;

    return {
      allowed: false,
      scope: settings.scope,
      retryAfterSeconds: Math.max(1, Number(rows[0]?.seconds ?? 1)),
    };
  }

  private settingsOf(rule: AbuseRule): RuleSettings {
    return {
      scope: rule.scope,
      freeAttempts: rule.freeAttempts,
      baseDelaySeconds:
        rule.baseDelaySeconds ?? this.config.get('RATE_LIMIT_BASE_DELAY_SECONDS', { infer: true }),
      maxDelaySeconds:
        rule.maxDelaySeconds ?? this.config.get('RATE_LIMIT_MAX_DELAY_SECONDS', { infer: true }),
      forgetAfterSeconds:
        rule.forgetAfterSeconds ??
        this.config.get('RATE_LIMIT_FORGET_AFTER_SECONDS', { infer: true }),
    };
  }
}

function hashOf(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
