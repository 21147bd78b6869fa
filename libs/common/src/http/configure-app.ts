import fastifyStatic from '@fastify/static';
import { INestApplication } from '@nestjs/common';
import { loadPackageSync } from '@nestjs/common/utils/load-package.util.js';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { HttpExceptionFilter } from '../errors/http-exception.filter';
import { REQUEST_ID_HEADER } from '../logging/logging.module';
import { HttpMetrics } from '../metrics/http-metrics';
import { installBodyRules, type BodyLimits } from './body-rules';
import { RequestValidationPipe } from './request-validation.pipe';

export interface AppSetup {
  /** The gateway's prefix (`wizard`): `/wizard/x` reaches the same handler as `/x`. */
  publicPrefix: string;
  title: string;
  description: string;
  /** Bytes a JSON body may have; 100 KB unless given. */
  bodyLimit?: number;
  /** Paths whose body reaches the handler as the exact bytes received (webhook signatures). */
  rawBodyPaths?: string[];
  /** Which proxies may name the client's address in X-Forwarded-For (TRUST_PROXY). */
  trustProxy?: boolean | number | string[];
}

const JSON_BODY_LIMIT = 100 * 1024;
const RAW_BODY_LIMIT = 1024 * 1024;

export function bodyLimitsOf(setup: AppSetup): BodyLimits {
  return {
    json: setup.bodyLimit ?? JSON_BODY_LIMIT,
    raw: RAW_BODY_LIMIT,
    rawPaths: setup.rawBodyPaths ?? [],
  };
}

/** Everything both services share between `main.ts` and the tests that boot them. */
export function configureApp(app: NestFastifyApplication, setup: AppSetup): void {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();

  const limits = bodyLimitsOf(setup);
  const instance = app.getHttpAdapter().getInstance();
  instance.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.get(HttpMetrics).install(instance);
  installBodyRules(instance, limits);

  app.useGlobalFilters(new HttpExceptionFilter(limits));
  app.useGlobalPipes(
    new RequestValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );

  setUpDocs(app, setup);
}

/** `/wizard/x` is `/x`: the gateway's prefix is cut before routing. */
export function withoutPublicPrefix(prefix: string): (url: string) => string {
  const start = `/${prefix}/`;

  return (url) => (url.startsWith(start) ? url.slice(start.length - 1) : url);
}

// The endpoints document their own errors; the 413 and 415 every body can get (body-rules.ts)
// are in the README's "Input both services refuse", not yet on each operation.
function setUpDocs(app: INestApplication, setup: AppSetup): void {
  // Swagger serves its UI through @fastify/static, which it loads with import(): Jest cannot run
  // that, so the module imported here goes into Nest's package cache first.
  loadPackageSync('@fastify/static', 'SwaggerModule', () => fastifyStatic);

  const config = new DocumentBuilder()
    .setTitle(setup.title)
    .setDescription(setup.description)
    .addBearerAuth()
    .build();

  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config));
}
