import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { requestIdFor } from '../logging/logging.module';
import { AppSetup, bodyLimitsOf, configureApp, withoutPublicPrefix } from './configure-app';

/**
 * Builds a service the way production runs it, initialised and ready; tests call this too.
 * Fastify, not Express: on the webhook path Express and its router cost a quarter of the CPU
 * of an event (measured with `npm run bench:webhook`).
 */
export async function createServiceApp(
  rootModule: Type<unknown> | DynamicModule | Promise<DynamicModule>,
  setup: AppSetup,
): Promise<NestFastifyApplication> {
  const rewrite = withoutPublicPrefix(setup.publicPrefix);
  const limits = bodyLimitsOf(setup);
  const adapter = new FastifyAdapter({
    trustProxy: fastifyTrustOf(setup.trustProxy ?? false),
    // The id every log line of the request carries, and its answer's X-Request-Id.
    genReqId: requestIdFor,
    bodyLimit: Math.max(limits.json, limits.raw),
    rewriteUrl: (request: { url?: string }) => rewrite(request.url ?? '/'),
  });

  // A request Node's HTTP parser refuses (a lying or doubled Content-Length) gets Node's bare 400,
  // without the error format or a request id, as it did on Express; a `clientErrorHandler` here
  // could give it both. Body parsing is configureApp's, so webhook paths can keep their raw bytes.
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bodyParser: false,
    bufferLogs: true,
    // A failed start rejects for the caller to report, rather than exiting mid-log.
    abortOnError: false,
  });
  configureApp(app, setup);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();

  return app;
}

/** Express's meaning of a hop count (trust that many proxies), which Fastify does not give it. */
function fastifyTrustOf(trust: boolean | number | string[]) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}
