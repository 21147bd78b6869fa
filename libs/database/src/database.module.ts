import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseAsyncOptions, DatabaseOptions } from './database.options';
import { EmbeddedPostgresHolder } from './embedded-postgres.holder';
import { runMigrationsExclusively } from './migrate';
import { QueryLogger } from './query-logger';

@Module({ providers: [EmbeddedPostgresHolder], exports: [EmbeddedPostgresHolder] })
class EmbeddedPostgresModule {}

@Module({})
export class DatabaseModule {
  static forRootAsync(options: DatabaseAsyncOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: [EmbeddedPostgresModule, ...(options.imports ?? [])],
          inject: [EmbeddedPostgresHolder, ...((options.inject ?? []) as never[])],
          useFactory: async (embedded: EmbeddedPostgresHolder, ...args: unknown[]) =>
            toTypeOrmOptions(await options.useFactory(...args), embedded),
          dataSourceFactory: async (typeOrmOptions) => {
            const dataSource = await new DataSource(
              typeOrmOptions as DataSourceOptions,
            ).initialize();
            await runMigrationsExclusively(dataSource);

            return dataSource;
          },
        }),
      ],
    };
  }
}

async function toTypeOrmOptions(
  options: DatabaseOptions,
  embedded: EmbeddedPostgresHolder,
): Promise<TypeOrmModuleOptions> {
  const url = options.url ?? (await embedded.start(options.embedded)).url;

  return {
    type: 'postgres',
    url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsRun: false,
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension is needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    poolSize: options.poolSize ?? 10,
    // Statements started together (Promise.all in one transaction) go out without waiting for
    // each other's answers; the server still runs them one by one, in the order sent.
    extra: { pipeline: true },
    logging: options.logSql
      ? ['query', 'error', 'warn', 'migration']
      : ['error', 'warn', 'migration'],
    logger: new QueryLogger(options.logSql),
  };
}
