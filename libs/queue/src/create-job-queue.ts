import { IJobQueue } from './job-queue.interface';
import { InProcessJobQueue } from './in-process/in-process-job-queue';
import { QueueModuleOptions } from './queue-module.options';
import { RabbitMqJobQueue } from './rabbitmq/rabbitmq-job-queue';

export function createJobQueue(options: QueueModuleOptions): IJobQueue {
  switch (options.driver) {
    case 'rabbitmq': {
      const queue = new RabbitMqJobQueue(options);

      // Connect at boot, so a bad URL or an absent broker shows in the logs right away.
      queue.start();

      return queue;
    }
    case 'in-process':
      return new InProcessJobQueue();
  }
}
