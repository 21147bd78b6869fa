import { randomUUID } from 'node:crypto';

import { Channel, ChannelModel, GetMessage, Options, connect } from 'amqplib';

import { QueueDefinition } from '../src/job-queue.interface';
import { deadQueueName, retryQueueName } from '../src/rabbitmq/queue-topology';
import { AMQP_URL } from './broker-env';

export function uniqueQueue(label: string, retryDelaysMs: number[]): QueueDefinition {
  return { name: `test.queue.${label}.${randomUUID().slice(0, 8)}`, retryDelaysMs };
}

/** The test's own connection to look at queues and clean them up; never the code under test. */
export class BrokerAdmin {
  private constructor(
    private readonly model: ChannelModel,
    private readonly channel: Channel,
  ) {}

  static async open(): Promise<BrokerAdmin> {
    const model = await connect(AMQP_URL, {
      clientProperties: { connection_name: `queue-test-admin-${randomUUID().slice(0, 8)}` },
    });
    const channel = await model.createChannel();

    return new BrokerAdmin(model, channel);
  }

  async messageCount(queue: string): Promise<number> {
    const { messageCount } = await this.channel.checkQueue(queue);

    return messageCount;
  }

  async take(queue: string): Promise<GetMessage | false> {
    const message = await this.channel.get(queue, { noAck: false });
    if (message) {
      this.channel.ack(message);
    }

    return message;
  }

  /** Re-declaring with other properties is refused (406): the way to read durability and args. */
  async declarationRefused(queue: string, options: Options.AssertQueue): Promise<boolean> {
    const channel = await this.model.createChannel();
    // The refusal rejects assertQueue; the listener only keeps the emitter from throwing.
    channel.on('error', () => undefined);

    try {
      await channel.assertQueue(queue, options);
      await channel.close();

      return false;
    } catch (error) {
      return /PRECONDITION_FAILED/.test(String(error));
    }
  }

  async deleteTopology(queue: QueueDefinition): Promise<void> {
    const names = [
      queue.name,
      ...queue.retryDelaysMs.map((ms) => retryQueueName(queue.name, ms)),
      deadQueueName(queue.name),
    ];
    for (const name of names) {
      await this.channel.deleteQueue(name);
    }
  }

  async close(): Promise<void> {
    await this.model.close();
  }
}
