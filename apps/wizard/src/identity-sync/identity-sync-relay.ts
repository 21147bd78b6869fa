import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { WizardConfig } from '../config/wizard-env';
import { IdentityClient } from './identity-client';
import { type BackoffOptions, retryDelayMs } from './identity-sync-backoff';
import { type ClaimedSync, IdentitySyncRows } from './identity-sync-rows';

const BATCH_SIZE = 20;

/** A backlog is drained in one pass up to this many batches; the rest waits for the next tick. */
const MAX_BATCHES_PER_PASS = 10;

/** From this many failed attempts on, each new failure is logged as an error, for alerts. */
export const ALERT_AFTER_ATTEMPTS = 8;

interface RelaySettings {
  token?: string;
  intervalMs: number;
  timeoutMs: number;
  /** Longer than a call can take, so no other relay takes a row while it is being sent. */
  leaseMs: number;
  backoff: BackoffOptions;
}

/**
 * Tells Identity what identity_sync rows say, after they are committed: claims due rows under a
 * lease, calls Identity, marks them done on a 2xx and retries them with backoff otherwise.
 */
@Injectable()
export class IdentitySyncRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IdentitySyncRelay.name);
  private readonly settings: RelaySettings;
  private readonly stopping = new AbortController();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    config: ConfigService<WizardConfig, true>,
    private readonly rows: IdentitySyncRows,
    private readonly identity: IdentityClient,
  ) {
    const timeoutMs = config.get('IDENTITY_SYNC_TIMEOUT_MS', { infer: true });
    this.settings = {
      token: config.get('INTERNAL_API_TOKEN', { infer: true }),
      intervalMs: config.get('IDENTITY_SYNC_INTERVAL_MS', { infer: true }),
      timeoutMs,
      leaseMs: timeoutMs * 2 + 10_000,
      backoff: {
        baseMs: config.get('IDENTITY_SYNC_BACKOFF_BASE_MS', { infer: true }),
        capMs: config.get('IDENTITY_SYNC_BACKOFF_CAP_MS', { infer: true }),
      },
    };
  }

  onApplicationBootstrap(): void {
    if (!this.settings.token) {
      this.logger.warn(
        'INTERNAL_API_TOKEN is not set: gym owner memberships wait in identity_sync until it is',
      );

      return;
    }

    this.stopped = false;
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.stopping.abort();

    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => this.tick(), delayMs);
    // The relay never keeps a process alive on its own.
    this.timer.unref();
  }

  private tick(): void {
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (!this.stopped) {
        this.schedule(this.settings.intervalMs);
      }
    });
  }

  /** Never throws: a failed pass is logged and the next tick tries again. */
  private async pass(): Promise<void> {
    try {
      for (let batch = 0; batch < MAX_BATCHES_PER_PASS && !this.stopped; batch += 1) {
        const claimed = await this.rows.claimDue(BATCH_SIZE, this.settings.leaseMs);
        await this.syncAll(claimed);

        if (claimed.length < BATCH_SIZE) {
          return;
        }
      }
    } catch (error) {
      this.logger.warn(`Identity sync pass failed, the next one tries again: ${reasonOf(error)}`);
    }
  }

  private async syncAll(claimed: ClaimedSync[]): Promise<void> {
    const settled = await Promise.allSettled(claimed.map((sync) => this.sync(sync)));

    const failures = settled.filter((result) => result.status === 'rejected');
    if (failures.length > 0) {
      this.logger.warn(
        `${failures.length} identity_sync rows could not be settled; they are taken again when ` +
          `their lease ends: ${reasonOf(failures[0].reason)}`,
      );
    }
  }

  private async sync(sync: ClaimedSync): Promise<void> {
    try {
      await this.call(sync);
    } catch (error) {
      await this.retryLater(sync, reasonOf(error));

      return;
    }

    await this.rows.markDone(sync);
    this.logger.log(
      { gymId: sync.gymId, kind: sync.kind, attempts: sync.attempts },
      'Identity sync done',
    );
  }

  private call(sync: ClaimedSync): Promise<void> {
    const options = {
      token: this.settings.token ?? '',
      timeoutMs: this.settings.timeoutMs,
      signal: this.stopping.signal,
    };

    switch (sync.kind) {
      case 'owner_membership':
        return this.identity.setGymOwner(sync.gymId, sync.ownerId, options);
    }
  }

  private async retryLater(sync: ClaimedSync, reason: string): Promise<void> {
    const delayMs = retryDelayMs(sync.attempts, this.settings.backoff);
    await this.rows.markRetrying(sync, delayMs, reason);

    const entry = { gymId: sync.gymId, kind: sync.kind, attempts: sync.attempts, delayMs, reason };
    if (sync.attempts >= ALERT_AFTER_ATTEMPTS) {
      this.logger.error(entry, 'Identity sync keeps failing; it is retried at the capped delay');
    } else {
      this.logger.warn(entry, 'Identity sync failed; it is retried with backoff');
    }
  }
}

/** Only for errors known to carry no secret: IdentityCallError, and the database's. */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
