import { TooManyRequestsError } from '@app/common';
import { runMigrationsExclusively } from '@app/database';
import type { TestDatabase } from '@app/testing';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { AbuseLimiter } from '../src/abuse/abuse-limiter';
import type { AbuseRule, AbuseVerdict, LimitedKey } from '../src/abuse/abuse-rule';
import { IdentityConfig, validateIdentityEnv } from '../src/config/identity-env';
import { identityDataSourceOptions } from '../src/database/identity-schema';
import { testDatabaseOrSkip } from './support/test-database-or-skip';

describe('AbuseLimiter (on PostgreSQL)', () => {
  let database: TestDatabase | undefined;
  let dataSource: DataSource;
  let limiter: AbuseLimiter;
  let rules = 0;

  beforeAll(async () => {
    // The limiter's warnings are expected here; no app routes them to a log stream.
    Logger.overrideLogger(false);
    database = await testDatabaseOrSkip('abuse_limiter');
    if (database) {
      dataSource = await new DataSource(identityDataSourceOptions(database.url)).initialize();
      await runMigrationsExclusively(dataSource);
      const config = new ConfigService<IdentityConfig, true>(validateIdentityEnv({}));
      limiter = new AbuseLimiter(dataSource, config);
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const whenDatabase = (name: string, body: () => Promise<void>) =>
    it(name, async () => {
      if (database) {
        await body();
      }
    });

  /** A rule of its own per test, so that tests never share counters. */
  function newRule(changes: Partial<AbuseRule> = {}): AbuseRule {
    rules += 1;

    return { scope: `test.rule-${rules}`, freeAttempts: 3, baseDelaySeconds: 2, ...changes };
  }

  /** As if the delay the key is waiting out had passed. */
  async function waitOut(rule: AbuseRule): Promise<void> {
    await dataSource.query(
      `UPDATE abuse_counters SET next_attempt_at = statement_timestamp() - interval '1 ms'
       WHERE scope = $1 AND next_attempt_at IS NOT NULL`,
      [rule.scope],
    );
  }

  async function attempts(key: LimitedKey, count: number): Promise<AbuseVerdict[]> {
    const verdicts: AbuseVerdict[] = [];
    for (let attempt = 0; attempt < count; attempt += 1) {
      verdicts.push(await limiter.attempt([key]));
    }

    return verdicts;
  }

  whenDatabase(
    'lets the free attempts pass, then each waits twice as long, up to the cap',
    async () => {
      const rule = newRule({ maxDelaySeconds: 10 });
      const key = { rule, value: 'owner@gym.test' };

      const free = await attempts(key, 3);
      const waits: number[] = [];
      for (let round = 0; round < 5; round += 1) {
        const [refused] = await attempts(key, 1);
        waits.push(refused.allowed ? 0 : refused.retryAfterSeconds);
        await waitOut(rule);
        await expect(limiter.attempt([key])).resolves.toEqual({ allowed: true });
      }

      expect(free).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
      expect(waits).toEqual([2, 4, 8, 10, 10]);
    },
  );

  whenDatabase('throws a 429 error with Retry-After from consume', async () => {
    const rule = newRule({ freeAttempts: 1, baseDelaySeconds: 30 });
    await limiter.consume([{ rule, value: '203.0.113.9' }]);

    const refusal = await limiter.consume([{ rule, value: '203.0.113.9' }]).catch((error) => error);

    expect(refusal).toBeInstanceOf(TooManyRequestsError);
    expect(refusal.retryAfterSeconds).toBe(30);
    expect(refusal.message).toBe('Too many attempts; try again in 30 seconds.');
  });

  whenDatabase('counts parallel attempts one by one: only the free ones get through', async () => {
    const key = { rule: newRule({ freeAttempts: 5 }), value: 'target@gym.test' };

    const verdicts = await Promise.all(Array.from({ length: 25 }, () => limiter.attempt([key])));

    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(5);
  });

  whenDatabase(
    'keeps keys and scopes apart, and stops at the first key that must wait',
    async () => {
      const perIp = newRule({ freeAttempts: 1 });
      const perAccount = newRule({ freeAttempts: 1 });
      await attempts({ rule: perIp, value: '198.51.100.1' }, 1);

      const otherIp = await limiter.attempt([{ rule: perIp, value: '198.51.100.2' }]);
      const sameValueOtherScope = await limiter.attempt([
        { rule: perAccount, value: '198.51.100.1' },
      ]);
      const refused = await limiter.attempt([
        { rule: perIp, value: '198.51.100.1' },
        { rule: perAccount, value: 'uncounted@gym.test' },
      ]);

      expect(otherIp).toEqual({ allowed: true });
      expect(sameValueOtherScope).toEqual({ allowed: true });
      expect(refused).toEqual({ allowed: false, scope: perIp.scope, retryAfterSeconds: 2 });
      await expect(
        limiter.attempt([{ rule: perAccount, value: 'uncounted@gym.test' }]),
      ).resolves.toEqual({
        allowed: true,
      });
    },
  );

  whenDatabase('gives an attempt back on refund, and forgets the streak on reset', async () => {
    const rule = newRule({ freeAttempts: 2 });
    const key = { rule, value: 'refund@gym.test' };

    await attempts(key, 1);
    await limiter.refund([key]);
    const afterRefund = await attempts(key, 3);
    await limiter.reset([key]);
    const afterReset = await attempts(key, 2);

    expect(afterRefund.map((verdict) => verdict.allowed)).toEqual([true, true, false]);
    expect(afterReset.map((verdict) => verdict.allowed)).toEqual([true, true]);
  });

  whenDatabase('counts three keys in order: a refused middle key leaves the last one', async () => {
    const [first, middle, last] = [newRule(), newRule({ freeAttempts: 1 }), newRule()];
    const keys = [
      { rule: first, value: 'a' },
      { rule: middle, value: 'b' },
      { rule: last, value: 'c' },
    ];
    await attempts(keys[1], 1);

    const refused = await limiter.attempt(keys);
    const counts = await dataSource.query(
      'SELECT scope, attempts FROM abuse_counters WHERE scope = ANY($1) ORDER BY scope',
      [[first.scope, middle.scope, last.scope]],
    );

    expect(refused).toMatchObject({ allowed: false, scope: middle.scope });
    expect(counts).toEqual([
      { scope: first.scope, attempts: 1 },
      { scope: middle.scope, attempts: 1 },
    ]);
  });

  whenDatabase('forgives in one call: resets one key and refunds another', async () => {
    const perAccount = newRule({ freeAttempts: 1 });
    const perIp = newRule({ freeAttempts: 1 });
    const account = { rule: perAccount, value: 'forgiven@gym.test' };
    const ip = { rule: perIp, value: '198.51.100.7' };
    await attempts(account, 2);
    await attempts(ip, 1);

    await limiter.forgive({ reset: [account], refund: [ip] });

    await expect(limiter.attempt([account])).resolves.toEqual({ allowed: true });
    await expect(limiter.attempt([ip])).resolves.toEqual({ allowed: true });
    await expect(limiter.attempt([ip])).resolves.toMatchObject({ allowed: false });
  });

  whenDatabase('starts a key afresh once it was left alone long enough', async () => {
    const rule = newRule({ freeAttempts: 1 });
    const key = { rule, value: 'quiet@gym.test' };
    await attempts(key, 2);
    await dataSource.query(
      `UPDATE abuse_counters SET forget_at = statement_timestamp() - interval '1 ms',
         next_attempt_at = statement_timestamp() - interval '1 ms' WHERE scope = $1`,
      [rule.scope],
    );

    await expect(limiter.attempt([key])).resolves.toEqual({ allowed: true });
    const [row] = await dataSource.query('SELECT attempts FROM abuse_counters WHERE scope = $1', [
      rule.scope,
    ]);
    expect(row.attempts).toBe(1);
  });

  whenDatabase('keeps no key in the clear, and sweeps only forgotten counters', async () => {
    const rule = newRule();
    await attempts({ rule, value: 'private@gym.test' }, 1);
    await attempts({ rule, value: 'forgotten@gym.test' }, 1);
    const stored = await dataSource.query('SELECT key_hash FROM abuse_counters WHERE scope = $1', [
      rule.scope,
    ]);
    expect(JSON.stringify(stored)).not.toContain('gym.test');

    await dataSource.query(
      `UPDATE abuse_counters SET forget_at = statement_timestamp() - interval '1 s'
       WHERE scope = $1 AND key_hash = encode(sha256('forgotten@gym.test'), 'hex')`,
      [rule.scope],
    );
    await expect(limiter.forgetExpired()).resolves.toBeGreaterThanOrEqual(1);

    const left = await dataSource.query('SELECT key_hash FROM abuse_counters WHERE scope = $1', [
      rule.scope,
    ]);
    expect(left).toHaveLength(1);
  });
});
