import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics.registry';

/**
 * Request durations by route template (never the raw URL, which can carry ids or tokens), taken
 * when the answer is sent: its status is final then, also for errors and refused bodies. A
 * middleware rather than an interceptor, which cost every request an Observable chain.
 */
/** Where the middleware is mounted; Express reports it as the route when no handler matched. */
export const EVERY_ROUTE = '{/*splat}';

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
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

  use(request: Request, response: Response, next: NextFunction): void {
    const stop = this.durations.startTimer({ method: request.method });
    response.once('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path;
      stop({
        route: route === undefined || route === EVERY_ROUTE ? 'unmatched' : route,
        status: String(response.statusCode),
      });
    });
    next();
  }
}
