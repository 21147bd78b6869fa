import { Global, LoggerService, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IJobQueue, JOB_QUEUE } from '@app/queue';

import { EMAIL_SERVICE, IEmailService } from '../../email.interface';
import { EmailOutbox } from '../email-outbox';
import { EmailOutboxAdmin } from '../email-outbox-admin';
import { EmailOutboxEntry } from '../email-outbox-entry.entity';
import { EmailOutboxMetrics } from '../email-outbox.metrics';
import { EmailOutboxModule } from '../email-outbox.module';
import type { EmailOutboxModuleOptions } from '../email-outbox.options';
import type { EmailRenderer } from '../email-renderer';
import { CapturingLogger } from './capturing-logger';

export interface OutboxTestAppSetup {
  databaseUrl: string;
  queue: IJobQueue;
  email: IEmailService;
  logger?: LoggerService;
  options?: EmailOutboxModuleOptions;
  /** Default forRoot; forRootAsync builds the same options in a factory. */
  registration?: 'forRoot' | 'forRootAsync';
}

export interface OutboxTestApp {
  outbox: EmailOutbox;
  admin: EmailOutboxAdmin;
  metrics: EmailOutboxMetrics;
  close(): Promise<void>;
}

/** Puts the template values in the body, so tests need no real template. */
export const echoRenderer: EmailRenderer = (template, data) => ({
  subject: `[${template}]`,
  text: JSON.stringify(data),
  html: `<pre>${JSON.stringify(data)}</pre>`,
});

/** Fast defaults for tests: a relay tick of 50 ms and backoff in tens of milliseconds. */
export const FAST_OUTBOX_OPTIONS: EmailOutboxModuleOptions = {
  relayIntervalMs: 50,
  leaseMs: 5_000,
  backoffBaseMs: 20,
  backoffCapMs: 200,
  timeoutRetryDelayMs: 30,
  render: echoRenderer,
};

/** One copy of a service: its own pool, relay and worker, with the given queue and provider. */
export async function startOutboxApp(setup: OutboxTestAppSetup): Promise<OutboxTestApp> {
  @Global()
  @Module({
    providers: [
      { provide: EMAIL_SERVICE, useValue: setup.email },
      { provide: JOB_QUEUE, useValue: setup.queue },
    ],
    exports: [EMAIL_SERVICE, JOB_QUEUE],
  })
  class ProvidersOfTheApp {}

  const options = { ...FAST_OUTBOX_OPTIONS, ...setup.options };
  const moduleRef: TestingModule = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot({
        type: 'postgres',
        url: setup.databaseUrl,
        entities: [EmailOutboxEntry],
        poolSize: 5,
      }),
      ProvidersOfTheApp,
      setup.registration === 'forRootAsync'
        ? EmailOutboxModule.forRootAsync({ useFactory: async () => options })
        : EmailOutboxModule.forRoot(options),
    ],
  })
    .setLogger(setup.logger ?? new CapturingLogger())
    .compile();
  await moduleRef.init();

  return {
    outbox: moduleRef.get(EmailOutbox),
    admin: moduleRef.get(EmailOutboxAdmin),
    metrics: moduleRef.get(EmailOutboxMetrics),
    close: () => moduleRef.close(),
  };
}
