import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DailyCounters } from './daily-counters';

const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Deletes what no check reads any more: counters of past days, and challenges a day past their
 * expiry (cooldowns and codes look at the last minutes only). Every copy sweeps; the deletes
 * are idempotent.
 */
@Injectable()
export class TwoFactorSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TwoFactorSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly counters: DailyCounters,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) =>
        this.logger.warn({ reason: (error as Error)?.message }, 'Could not sweep 2FA rows'),
      );
    }, SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<{ counters: number; challenges: number }> {
    const manager = this.dataSource.manager;
    const counters = await this.counters.forgetPastDays(manager);
    const [, challenges] = (await manager.query(
      `DELETE FROM two_factor_challenges WHERE expires_at < now() - interval '1 day'`,
    )) as [unknown, number];
    this.logger.debug({ counters, challenges }, 'Swept 2FA counters and challenges');

    return { counters, challenges };
  }
}
