import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

// Long statements are cut: the start says which query it was.
const QUERY_PREVIEW_LENGTH = 160;

/**
 * TypeORM's own loggers print query parameters, and those hold tokens, links and emails;
 * this one goes through the service's logger and never prints a parameter.
 */
export class QueryLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  constructor(private readonly logQueries = false) {}

  logQuery(query: string): void {
    if (this.logQueries) {
      this.logger.debug({ query: preview(query) }, 'Query');
    }
  }

  logQueryError(error: string | Error, query: string): void {
    const reason = typeof error === 'string' ? error : error.message;
    this.logger.warn({ query: preview(query), reason }, 'Query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ query: preview(query), durationMs: time }, 'Slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') {
      this.logger.warn(message);
    } else {
      this.logger.log(message);
    }
  }
}

function preview(query: string): string {
  const oneLine = query.replace(/\s+/g, ' ').trim();

  return oneLine.length > QUERY_PREVIEW_LENGTH
    ? `${oneLine.slice(0, QUERY_PREVIEW_LENGTH)}...`
    : oneLine;
}
