import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppSetup, configureApp } from './configure-app';

/** Builds a service the way production runs it; tests call this too. */
export async function createServiceApp(
  rootModule: Type<unknown> | DynamicModule | Promise<DynamicModule>,
  setup: AppSetup,
): Promise<NestExpressApplication> {
  // Body parsers are set up by configureApp, so webhook paths can keep their raw bytes.
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    bodyParser: false,
    bufferLogs: true,
    // A failed start rejects for the caller to report, rather than exiting mid-log.
    abortOnError: false,
  });
  configureApp(app, setup);

  return app;
}
