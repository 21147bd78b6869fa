import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics.registry';

/**
 * Request durations by route template (never the raw URL, which can carry ids or tokens), taken
 * when the answer is sent, so the status is final. Mounted ahead of the body parsers (see
 * configure-app.ts): a body refused before routing counts too, as `unmatched`. Plain middleware
 * rather than an interceptor, which cost every request an Observable chain.
 */
@Injectable()
export class HttpMetrics {
  private readonly durations: Histogram<'method' | 'route' | 'status'>;

  constructor(registry: MetricsRegistry) {
    this.durations = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
  }

  readonly record = (request: Request, response: Response, next: NextFunction): void => {
    const stop = this.durations.startTimer({ method: request.method });
    response.once('finish', () => {
      stop({ route: routeTemplateOf(request), status: String(response.statusCode) });
    });
    next();
  };
}

/**
 * Express reports the last route that took the request. Nest mounts module middleware (the
 * request logger) as a catch-all route, so a wildcard means no handler matched it.
 */
function routeTemplateOf(request: Request): string {
  const path = (request.route as { path?: unknown } | undefined)?.path;

  return typeof path === 'string' && !path.includes('*') ? path : 'unmatched';
}
