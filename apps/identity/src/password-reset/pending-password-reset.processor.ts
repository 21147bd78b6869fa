import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PassLoop } from '@app/common';
import { DataSource, EntityManager } from 'typeorm';
import type { SecurityEvent } from '../security-events/security-event';
import { SecurityEvents } from '../security-events/security-events.service';
import { PasswordResetRequestHandler } from './password-reset-request.handler';
import { PendingPasswordReset } from './pending-password-reset.entity';

/** Finds requests left behind by a crash or a failure; new ones are taken at once. */
const SWEEP_INTERVAL_MS = 5_000;
const MAX_PER_PASS = 200;
/** Seconds before each retry of a request that failed; after the last one it is dropped. */
const RETRY_DELAYS_S = [5, 30, 120, 600];

/**
 * Works through the accepted reset requests, after their 202 has been sent, one transaction
 * each: claim the row (SKIP LOCKED, so copies of the service share the work), issue the link,
 * write its email to the outbox, delete the row; then record the security event. A failure
 * rolls all of it back and the row is tried again later.
 */
@Injectable()
export class PendingPasswordResetProcessor
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(PendingPasswordResetProcessor.name);
  private readonly loop = new PassLoop({
    pass: () => this.pass(),
    intervalMs: SWEEP_INTERVAL_MS,
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handler: PasswordResetRequestHandler,
    private readonly events: SecurityEvents,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** setImmediate: the request's answer is written before its processing starts. */
  processSoon(): void {
    setImmediate(() => this.loop.kick());
  }

  /** Runs a pass now, or right after the running one. */
  kick(): void {
    this.loop.kick();
  }

  /** Never throws: a failed pass is logged and the next one tries again. */
  private async pass(): Promise<void> {
    try {
      for (let handled = 0; handled < MAX_PER_PASS && !this.loop.stopping; handled += 1) {
        if (!(await this.processNext())) {
          return;
        }
      }
    } catch (error) {
      this.logger.warn(`Password reset requests wait for the next pass: ${messageOf(error)}`);
    }
  }

  /** False when no request is due. */
  private async processNext(): Promise<boolean> {
    const attempt: { request?: PendingPasswordReset } = {};
    let event: SecurityEvent | undefined;

    try {
      event = await this.dataSource.transaction(async (manager) => {
        attempt.request = (await this.claimNext(manager)) ?? undefined;
        if (!attempt.request) {
          return undefined;
        }

        const handled = await this.handler.handle(manager, attempt.request);
        await manager.delete(PendingPasswordReset, { id: attempt.request.id });

        return handled;
      });
    } catch (error) {
      if (!attempt.request) {
        throw error;
      }

      await this.postpone(attempt.request, error);

      return true;
    }

    if (!event) {
      return false;
    }

    this.events.record(event);

    return true;
  }

  private claimNext(manager: EntityManager): Promise<PendingPasswordReset | null> {
    return manager
      .createQueryBuilder(PendingPasswordReset, 'pending')
      .where('pending.nextAttemptAt <= now()')
      .orderBy('pending.nextAttemptAt')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
  }

  private async postpone(request: PendingPasswordReset, error: unknown): Promise<void> {
    const pending = this.dataSource.getRepository(PendingPasswordReset);
    const attempts = request.attempts + 1;
    const delaySeconds = RETRY_DELAYS_S[attempts - 1];

    if (delaySeconds === undefined) {
      await pending.delete({ id: request.id });
      this.logger.error(
        `Dropped password reset request ${request.id} after ${attempts} failed attempts: ${messageOf(error)}`,
      );

      return;
    }

    await pending.update(
      { id: request.id },
      { attempts, nextAttemptAt: () => `now() + interval '${delaySeconds} seconds'` },
    );
    this.logger.warn(
      `Password reset request ${request.id} failed, retried in ${delaySeconds} s: ${messageOf(error)}`,
    );
  }
}

// The message only: it names tables and constraints, never the email of the request.
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
