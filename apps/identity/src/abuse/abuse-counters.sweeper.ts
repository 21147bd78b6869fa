import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AbuseLimiter } from './abuse-limiter';

const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/** Deletes forgotten counters now and then, so keys sprayed by an attacker do not pile up. */
@Injectable()
export class AbuseCountersSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AbuseCountersSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly limiter: AbuseLimiter) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private sweep(): void {
    this.limiter.forgetExpired().then(
      (deleted) => this.logger.debug({ deleted }, 'Forgot expired abuse counters'),
      (error: unknown) =>
        this.logger.warn({ reason: (error as Error)?.message }, 'Could not sweep abuse counters'),
    );
  }
}
