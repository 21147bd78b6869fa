import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics.registry';

/**
 * Request durations by route template (never the raw URL, which can carry ids or tokens), taken
 * when the answer is sent, so the status is final (a body refused before the handler counts under
 * its route); a request no route took counts as `unmatched`.
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

  install(instance: FastifyInstance): void {
    instance.addHook('onResponse', async (request, reply) => {
      // Nest answers an unknown path from Fastify's catch-all handler, which has no template.
      const route = request.is404 ? undefined : request.routeOptions.url;
      this.durations.observe(
        { method: request.method, route: route ?? 'unmatched', status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
  }
}
