import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Fixed daily windows (UTC) in the two_factor_counters table: one statement counts a hit only
 * while the key is under its limit, so copies racing for the last unit cannot both get it.
 *
 * Not the shared AbuseLimiter (abuse/): that one delays a streak of attempts and forgets it
 * after a quiet spell, so a user signing in every day would reach a "daily" cap after a few
 * days; an SMS budget needs calendar days. TwoFactorSweeper deletes past days.
 */
@Injectable()
export class DailyCounters {
  /** Counts one hit; false, counting nothing, once the key has had `limit` today. */
  async tryHit(
    manager: EntityManager,
    scope: string,
    key: string,
    limit: number,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO two_factor_counters (scope, key, day, count)
       VALUES ($1, $2, (now() AT TIME ZONE 'UTC')::date, 1)
       ON CONFLICT (scope, key, day)
         DO UPDATE SET count = two_factor_counters.count + 1
         WHERE two_factor_counters.count < $3
       RETURNING count`,
      [scope, key, limit],
    );

    return rows.length > 0;
  }

  /** Deletes the counts of days before yesterday; returns how many rows went. */
  async forgetPastDays(manager: EntityManager): Promise<number> {
    const [, deleted] = (await manager.query(
      `DELETE FROM two_factor_counters WHERE day < (now() AT TIME ZONE 'UTC')::date - 1`,
    )) as [unknown, number];

    return deleted;
  }
}
