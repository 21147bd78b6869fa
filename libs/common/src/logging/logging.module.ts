import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { redactLine } from './redaction';
import { SecretMasker } from './secret-masker';

export interface LoggingOptions {
  service: string;
  level: string;
  /** Values that must never be printed (API keys, webhook secrets ...). */
  secrets: Array<string | undefined>;
  /** Where lines go; standard output unless given (tests read the lines). */
  destination?: DestinationStream;
}

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[\w-]{1,64}$/;

/**
 * The caller's X-Request-Id when it is a plain token, else a new one. Fastify gives each request
 * this id (create-service-app.ts) and configureApp answers with it; the logger reuses it.
 */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];

  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** JSON logs through pino, a request id on every line, one redaction list (SENSITIVE_KEYS). */
export function createLoggingModule(options: LoggingOptions): DynamicModule {
  const masker = new SecretMasker(options.secrets);

  const pinoOptions: Options = {
    level: options.level,
    base: { service: options.service },
    genReqId: requestIdFor,
    hooks: { streamWrite: (line) => masker.mask(redactLine(line)) },
    customLogLevel: (_req, res, error) => {
      if (error || res.statusCode >= 500) {
        return 'error';
      }

      return res.statusCode >= 400 ? 'warn' : 'info';
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: stripQuery(req.url),
      }),
    },
  };

  return LoggerModule.forRoot({
    // Every path; written with its leading slash, which @fastify/middie needs to match it.
    forRoutes: [{ path: '/{*path}', method: RequestMethod.ALL }],
    pinoHttp: options.destination ? [pinoOptions, options.destination] : pinoOptions,
  });
}

// Query strings can carry tokens (links opened from emails); the path is enough to debug.
function stripQuery(url: string): string {
  const index = url.indexOf('?');

  return index === -1 ? url : url.slice(0, index);
}
