import { ChannelModel } from 'amqplib';

import { QueueDefinition } from '../job-queue.interface';

export function retryQueueName(queue: string, delayMs: number): string {
  return `${queue}.retry.${delayMs}`;
}

export function deadQueueName(queue: string): string {
  return `${queue}.dead`;
}

/** Every queue of a definition, work queue first. */
export function topologyQueueNames(queue: QueueDefinition): string[] {
  return [
    queue.name,
    ...queue.retryDelaysMs.map((ms) => retryQueueName(queue.name, ms)),
    deadQueueName(queue.name),
  ];
}

/**
 * Declares (idempotently) the work queue, one TTL queue per retry delay that dead-letters back into
 * the work queue, and the dead queue. A throwaway channel keeps a refused declaration (406: the
 * queue exists with other arguments) from closing the channels that publish and consume.
 */
export async function declareTopology(model: ChannelModel, queue: QueueDefinition): Promise<void> {
  const channel = await model.createChannel();
  // A refused declaration rejects with this error; the listener keeps the emitter from throwing.
  channel.on('error', () => undefined);

  await channel.assertQueue(queue.name, { durable: true });
  for (const delayMs of queue.retryDelaysMs) {
    await channel.assertQueue(retryQueueName(queue.name, delayMs), {
      durable: true,
      arguments: {
        'x-message-ttl': delayMs,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': queue.name,
      },
    });
  }
  await channel.assertQueue(deadQueueName(queue.name), { durable: true });

  await channel.close();
}
