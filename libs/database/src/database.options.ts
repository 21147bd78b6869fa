import type { ModuleMetadata } from '@nestjs/common';
import type { MixedList } from 'typeorm';
import type { EmbeddedPostgresOptions } from './embedded-postgres';

export interface DatabaseOptions {
  /** A PostgreSQL URL; without one the embedded server is started. */
  url?: string;
  embedded: EmbeddedPostgresOptions;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  poolSize?: number;
  logSql?: boolean;
}

export interface DatabaseAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: unknown[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => DatabaseOptions | Promise<DatabaseOptions>;
}
