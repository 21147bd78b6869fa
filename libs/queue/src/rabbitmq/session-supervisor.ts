import { Logger } from '@nestjs/common';

import { QueueClosedError, QueueUnavailableError } from '../job-queue.errors';
import { describeError } from '../describe-error';
import { AmqpSession } from './amqp-session';
import { maskAmqpUrl } from './mask-amqp-url';
import { ReconnectBackoff, reconnectDelayMs } from './reconnect-backoff';

export interface SessionSupervisorOptions {
  url: string;
  connectionName: string;
  backoff: ReconnectBackoff;
  logger: Logger;
  /** Declares topology and starts consumers on a new session; a throw discards it and backs off. */
  prepare: (session: AmqpSession) => Promise<void>;
}

interface SessionWaiter {
  resolve: (session: AmqpSession) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Keeps one session up: connects, prepares it, and reconnects with backoff when it is lost. */
export class SessionSupervisor {
  private current: AmqpSession | null = null;
  private readonly waiters = new Set<SessionWaiter>();
  private reconnectTimer: NodeJS.Timeout | null = null;
  private connecting: Promise<void> | null = null;
  private attempt = 0;
  private started = false;
  private stopped = false;

  constructor(private readonly options: SessionSupervisorOptions) {}

  get session(): AmqpSession | null {
    return this.current?.isAlive ? this.current : null;
  }

  start(): void {
    if (this.started || this.stopped) {
      return;
    }

    this.started = true;
    this.connectNow();
  }

  /** The live session, or the next one; rejects after `timeoutMs` or when stopped. */
  waitForSession(timeoutMs: number): Promise<AmqpSession> {
    if (this.stopped) {
      return Promise.reject(new QueueClosedError());
    }

    const live = this.session;
    if (live) {
      return Promise.resolve(live);
    }

    return new Promise((resolve, reject) => {
      const waiter: SessionWaiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new QueueUnavailableError(timeoutMs));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Stops reconnecting and hands back the live session, if any, for the caller to close. */
  async stop(): Promise<AmqpSession | null> {
    this.stopped = true;

    if (this.reconnectTimer) {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
    }

    this.settleWaiters((waiter) => waiter.reject(new QueueClosedError()));
    await this.connecting;

    const session = this.current;
    this.current = null;

    return session;
  }

  private connectNow(): void {
    this.connecting = this.connectOnce().finally(() => {
      this.connecting = null;
    });
  }

  private async connectOnce(): Promise<void> {
    const { url, connectionName, logger } = this.options;
    let session: AmqpSession | null = null;

    try {
      session = await AmqpSession.open(url, connectionName, logger);
      if (!this.stopped) {
        await this.options.prepare(session);
      }
      if (!session.isAlive) {
        throw new Error('connection lost during set-up');
      }
    } catch (error) {
      await session?.close();
      this.scheduleReconnect(`Connecting to ${maskAmqpUrl(url)} failed: ${describeError(error)}`);

      return;
    }

    if (this.stopped) {
      await session.close();

      return;
    }

    this.adopt(session);
  }

  private adopt(session: AmqpSession): void {
    this.current = session;
    this.attempt = 0;
    session.onLost((reason) => this.handleLost(session, reason));

    const { url, connectionName, logger } = this.options;
    logger.log(`Connected to ${maskAmqpUrl(url)} as "${connectionName}"`);

    this.settleWaiters((waiter) => waiter.resolve(session));
  }

  private handleLost(session: AmqpSession, reason: Error): void {
    if (this.current !== session) {
      return;
    }

    this.current = null;
    this.scheduleReconnect(`Connection lost (${reason.message})`);
  }

  private scheduleReconnect(why: string): void {
    if (this.stopped || this.reconnectTimer) {
      return;
    }

    this.attempt += 1;
    const delayMs = reconnectDelayMs(this.attempt, this.options.backoff);
    this.options.logger.warn(`${why}; reconnecting in ${delayMs} ms (attempt ${this.attempt})`);

    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connectNow();
    }, delayMs);
  }

  private settleWaiters(settle: (waiter: SessionWaiter) => void): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      settle(waiter);
    }
    this.waiters.clear();
  }
}
