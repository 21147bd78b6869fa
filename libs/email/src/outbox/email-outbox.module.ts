import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { EmailOutbox } from './email-outbox';
import { EmailOutboxAdmin } from './email-outbox-admin';
import { EmailOutboxEntry } from './email-outbox-entry.entity';
import {
  ConfigurableEmailOutboxModule,
  EMAIL_OUTBOX_MODULE_OPTIONS,
} from './email-outbox.module-definition';
import { EmailOutboxMetrics } from './email-outbox.metrics';
import { resolveEmailOutboxOptions } from './email-outbox.options';
import { EMAIL_QUEUE_DEFINITION, RESOLVED_EMAIL_OUTBOX_OPTIONS } from './email-outbox.tokens';
import { EmailJobHandler } from './email-job-handler';
import { EmailWorker } from './email-worker';
import { OutboxCommitKick } from './outbox-commit-kick';
import { OutboxRelay } from './outbox-relay';
import { OutboxRows } from './outbox-rows';
import { emailQueueDefinition } from './retry-schedule';

/**
 * `EmailOutboxModule.forRoot({...})` or `forRootAsync({ useFactory, inject })`. Needs EMAIL_SERVICE
 * and JOB_QUEUE from the app's global EmailModule and QueueModule, and the entity and migration
 * in the app's database options.
 */
@Module({
  imports: [TypeOrmModule.forFeature([EmailOutboxEntry])],
  providers: [
    {
      provide: RESOLVED_EMAIL_OUTBOX_OPTIONS,
      inject: [EMAIL_OUTBOX_MODULE_OPTIONS],
      useFactory: resolveEmailOutboxOptions,
    },
    {
      provide: EMAIL_QUEUE_DEFINITION,
      inject: [RESOLVED_EMAIL_OUTBOX_OPTIONS],
      useFactory: emailQueueDefinition,
    },
    OutboxRows,
    OutboxRelay,
    OutboxCommitKick,
    EmailJobHandler,
    EmailWorker,
    EmailOutboxMetrics,
    EmailOutbox,
    EmailOutboxAdmin,
  ],
  exports: [EmailOutbox, EmailOutboxAdmin, EmailOutboxMetrics],
})
export class EmailOutboxModule extends ConfigurableEmailOutboxModule {}
