import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, raw, type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { HttpExceptionFilter } from '../errors/http-exception.filter';
import { HttpMetrics } from '../metrics/http-metrics';
import { bodyParserErrors, refuseUnparsedBody } from './body-parser-errors';
import { guardJsonBody } from './json-guards';
import { RequestValidationPipe } from './request-validation.pipe';

export interface AppSetup {
  /** The gateway's prefix (`wizard`): `/wizard/x` reaches the same handler as `/x`. */
  publicPrefix: string;
  title: string;
  description: string;
  bodyLimit?: string;
  /** Paths whose body reaches the handler as the exact bytes received (webhook signatures). */
  rawBodyPaths?: string[];
}

/** Everything both services share between `main.ts` and the tests that boot them. */
export function configureApp(app: NestExpressApplication, setup: AppSetup): void {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // First, so that answers given before routing (413, 415, a bad body) are counted as well.
  app.use(app.get(HttpMetrics).record);
  app.disable('x-powered-by');
  // No client sends If-None-Match to this API; hashing every answer for it was pure cost.
  app.set('etag', false);
  app.use(stripPublicPrefix(setup.publicPrefix));
  for (const path of setup.rawBodyPaths ?? []) {
    app.use(path, raw({ type: () => true, limit: '1mb' }));
  }
  app.use(json({ limit: setup.bodyLimit ?? '100kb', verify: guardJsonBody }));
  app.use(bodyParserErrors);
  app.use(refuseUnparsedBody);
  app.useGlobalFilters(new HttpExceptionFilter());
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

function stripPublicPrefix(prefix: string) {
  const start = `/${prefix}/`;

  return (req: Request, _res: Response, next: NextFunction): void => {
    if (req.url.startsWith(start)) {
      req.url = req.url.slice(start.length - 1);
    }
    next();
  };
}

function setUpDocs(app: INestApplication, setup: AppSetup): void {
  const config = new DocumentBuilder()
    .setTitle(setup.title)
    .setDescription(setup.description)
    .addBearerAuth()
    .build();

  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config));
}
