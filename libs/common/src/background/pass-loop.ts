import { AsyncResource } from 'node:async_hooks';

export interface PassLoopOptions {
  /** One pass of the work; it must not throw (log and return: the next pass tries again). */
  pass: () => Promise<void>;
  /** The next pass starts this long after the last one ends, kicked or not. */
  intervalMs: number;
  /** Kicks this close together share one pass; 0 starts the pass at once. */
  coalesceMs?: number;
}

/**
 * Background work in passes: one at start, one when kicked (soon, or right after the running
 * pass), and one per interval to find what no kick announced. Passes run in the context of
 * `start`, so a kick from a request does not lend them its request id; the timers never keep the
 * process alive.
 */
export class PassLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private passRequested = false;
  private kickScheduled = false;
  private stopped = true;
  private runDetached: <T>(work: () => T) => T = (work) => work();

  constructor(private readonly options: PassLoopOptions) {}

  /** True once `stop` was called: a long pass ends early. */
  get stopping(): boolean {
    return this.stopped;
  }

  start(): void {
    this.runDetached = AsyncResource.bind(<T>(work: () => T): T => work());
    this.stopped = false;
    this.kick();
  }

  /** Resolves when the running pass, if any, has ended; no pass starts after this. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);

    await this.running;
  }

  kick(): void {
    if (this.stopped || this.kickScheduled) {
      return;
    }
    if (this.running) {
      this.passRequested = true;

      return;
    }

    clearTimeout(this.timer);
    if (!this.options.coalesceMs) {
      this.startPass();

      return;
    }

    this.kickScheduled = true;
    this.timer = setTimeout(() => {
      this.kickScheduled = false;
      this.startPass();
    }, this.options.coalesceMs);
    this.timer.unref();
  }

  private startPass(): void {
    if (this.stopped) {
      return;
    }

    this.running = this.runDetached(() =>
      this.options.pass().finally(() => {
        this.running = undefined;
        this.afterPass();
      }),
    );
  }

  private afterPass(): void {
    if (this.passRequested) {
      this.passRequested = false;
      this.kick();

      return;
    }
    if (this.stopped) {
      return;
    }

    this.timer = setTimeout(() => this.startPass(), this.options.intervalMs);
    this.timer.unref();
  }
}
