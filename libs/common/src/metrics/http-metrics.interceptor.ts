import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Histogram } from 'prom-client';
import { Observable, tap } from 'rxjs';
import { toErrorBody } from '../errors/http-exception.filter';
import { MetricsRegistry } from './metrics.registry';

/** Request durations by route template (never the raw URL, which can carry ids or tokens). */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
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

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const stop = this.durations.startTimer({ method: request.method });

    const record = (status: number) => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      stop({ route, status: String(status) });
    };

    return next.handle().pipe(
      tap({
        complete: () => record(http.getResponse<Response>().statusCode),
        // The filter has not set the status yet: take the one it will answer with.
        error: (error: unknown) => record(toErrorBody(error).statusCode),
      }),
    );
  }
}
