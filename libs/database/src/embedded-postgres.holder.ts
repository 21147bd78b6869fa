import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  EmbeddedPostgresOptions,
  RunningEmbeddedPostgres,
  startEmbeddedPostgres,
} from './embedded-postgres';

/** Owns the embedded server of this process, so it stops with the application. */
@Injectable()
export class EmbeddedPostgresHolder implements OnApplicationShutdown {
  private running?: Promise<RunningEmbeddedPostgres>;

  start(options: EmbeddedPostgresOptions): Promise<RunningEmbeddedPostgres> {
    this.running ??= startEmbeddedPostgres(options);

    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    const running = await this.running;
    this.running = undefined;
    await running?.stop();
  }
}
