import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';

import { createJobQueue } from './create-job-queue';
import { IJobQueue, JOB_QUEUE } from './job-queue.interface';
import { ConfigurableQueueModule, QUEUE_MODULE_OPTIONS } from './queue.module-definition';

/**
 * `QueueModule.forRoot({ driver, ... })` or `forRootAsync({ useFactory, inject })`; pass
 * `isGlobal: true` to provide `JOB_QUEUE` everywhere. Only the token is exported.
 */
@Module({
  providers: [{ provide: JOB_QUEUE, useFactory: createJobQueue, inject: [QUEUE_MODULE_OPTIONS] }],
  exports: [JOB_QUEUE],
})
export class QueueModule extends ConfigurableQueueModule implements OnApplicationShutdown {
  constructor(@Inject(JOB_QUEUE) private readonly queue: IJobQueue) {
    super();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
