export * from './job-queue.interface';
export * from './job-queue.errors';
export type * from './queue-module.options';
export { QueueModule } from './queue.module';
export { InProcessJobQueue, type DeadJob } from './in-process/in-process-job-queue';
export { RabbitMqJobQueue, type RabbitMqJobQueueOptions } from './rabbitmq/rabbitmq-job-queue';
export type { ReconnectBackoff } from './rabbitmq/reconnect-backoff';
export { deadQueueName, retryQueueName, topologyQueueNames } from './rabbitmq/queue-topology';
export { DEAD_REASON_HEADER, REDELIVERIES_HEADER } from './rabbitmq/job-message';
