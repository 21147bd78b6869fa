import { RabbitMqJobQueueOptions } from './rabbitmq/rabbitmq-job-queue';

export interface RabbitMqQueueModuleOptions extends RabbitMqJobQueueOptions {
  driver: 'rabbitmq';
}

/** Jobs in memory: for a laptop without RabbitMQ; the outbox publishes again after a restart. */
export interface InProcessQueueModuleOptions {
  driver: 'in-process';
}

export type QueueModuleOptions = RabbitMqQueueModuleOptions | InProcessQueueModuleOptions;
