import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RefreshTokensService } from './refresh-tokens.service';

const SWEEP_INTERVAL_MS = 60 * 1000;

/**
 * Wipes sealed replacement tokens once their grace window is over, so that the database
 * keeps no recoverable copy of a live token for longer than that; and prunes old rows.
 */
@Injectable()
export class SessionsSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionsSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly refreshTokens: RefreshTokensService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private sweep(): void {
    this.sweepOnce().then(
      (swept) => this.logger.debug(swept, 'Swept sessions'),
      (error: unknown) =>
        this.logger.warn({ reason: (error as Error)?.message }, 'Could not sweep sessions'),
    );
  }

  private async sweepOnce(): Promise<{ sealsWiped: number; rowsPruned: number }> {
    const sealsWiped = await this.refreshTokens.wipeExpiredSeals();
    const rowsPruned = await this.refreshTokens.pruneOld();

    return { sealsWiped, rowsPruned };
  }
}
