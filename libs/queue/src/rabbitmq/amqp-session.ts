import { randomUUID } from 'node:crypto';

import { Logger } from '@nestjs/common';
import { Channel, ChannelModel, ConfirmChannel, Message, Options, connect } from 'amqplib';

import { QueueDefinition } from '../job-queue.interface';
import { describeError } from '../describe-error';
import { declareTopology } from './queue-topology';

const CONNECT_TIMEOUT_MS = 10_000;

/** Tells a publish apart from its duplicates when the broker returns it. */
const PUBLISH_ID_HEADER = 'x-publish-id';

/** The broker confirmed the message but had no queue for it (deleted under us). */
export class UnroutableMessageError extends Error {
  override readonly name = 'UnroutableMessageError';

  constructor(queue: string) {
    super(`no queue ${queue} to take the message`);
  }
}

export interface StartedConsumer {
  channel: Channel;
  consumerTag: string;
}

/**
 * One live AMQP connection with its confirm channel, the queues declared on it and the consumers
 * started on it. Any unexpected close of the connection or of one of its channels fails the whole
 * session: unacknowledged deliveries then go back to their queues and the supervisor reconnects.
 */
export class AmqpSession {
  private alive = true;
  private modelClosed = false;
  private connectionError: Error | null = null;
  private lostListener: ((reason: Error) => void) | null = null;
  private publisher: ConfirmChannel | null = null;
  private readonly declared = new Map<string, Promise<void>>();
  private readonly consumers = new Map<object, Promise<StartedConsumer>>();
  private readonly returned = new Set<string>();

  private constructor(
    private readonly model: ChannelModel,
    private readonly logger: Logger,
  ) {
    // amqplib always follows an 'error' with a 'close': keep the reason, act on the close.
    model.on('error', (error: Error) => (this.connectionError = error));
    model.on('close', () => {
      this.modelClosed = true;
      this.fail(this.connectionError ?? new Error('connection closed'));
    });
  }

  static async open(url: string, connectionName: string, logger: Logger): Promise<AmqpSession> {
    const model = await connect(url, {
      clientProperties: { connection_name: connectionName },
      timeout: CONNECT_TIMEOUT_MS,
    });
    const session = new AmqpSession(model, logger);

    try {
      const publisher = await model.createConfirmChannel();
      session.watch(publisher, 'publisher channel');
      publisher.on('return', (message: Message) => session.noteReturned(message));
      session.publisher = publisher;
    } catch (error) {
      await session.close();
      throw error;
    }

    return session;
  }

  get isAlive(): boolean {
    return this.alive;
  }

  /** Called once, when the session fails after it was handed over. */
  onLost(listener: (reason: Error) => void): void {
    this.lostListener = listener;
  }

  /**
   * Resolves when the broker confirms a queue holds the message; rejects on a nack, a close, or
   * when no queue took it (`mandatory`: the broker returns it before it confirms it).
   */
  confirmSend(queue: string, content: Buffer, options: Options.Publish): Promise<void> {
    const publisher = this.publisher;
    if (!publisher || !this.alive) {
      return Promise.reject(new Error('session is closed'));
    }

    const publishId = randomUUID();
    const headers = { ...options.headers, [PUBLISH_ID_HEADER]: publishId };

    return new Promise((resolve, reject) => {
      publisher.sendToQueue(queue, content, { ...options, headers, mandatory: true }, (error) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        } else if (this.returned.delete(publishId)) {
          reject(new UnroutableMessageError(queue));
        } else {
          resolve();
        }
      });
    });
  }

  /** Makes the next declare() go to the broker again, e.g. after a queue was deleted. */
  forgetDeclaration(queueName: string): void {
    this.declared.delete(queueName);
  }

  /** Declares a queue's topology once per session; a refusal is not remembered, so it can retry. */
  async declare(queue: QueueDefinition): Promise<void> {
    let declaring = this.declared.get(queue.name);
    if (!declaring) {
      declaring = declareTopology(this.model, queue);
      this.declared.set(queue.name, declaring);
    }

    try {
      await declaring;
    } catch (error) {
      this.declared.delete(queue.name);
      throw error;
    }
  }

  async openConsumerChannel(label: string): Promise<Channel> {
    const channel = await this.model.createChannel();
    this.watch(channel, label);

    return channel;
  }

  /** Starts a consumer once per session, however many callers ask at the same time. */
  async startConsumer(key: object, start: () => Promise<StartedConsumer>): Promise<void> {
    let starting = this.consumers.get(key);
    if (!starting) {
      starting = start();
      this.consumers.set(key, starting);
    }

    await starting;
  }

  /** Stops deliveries to one consumer; running handlers may still ack on its channel. */
  async cancelConsumer(key: object): Promise<void> {
    const starting = this.consumers.get(key);
    if (!starting || !this.alive) {
      return;
    }

    try {
      const { channel, consumerTag } = await starting;
      await channel.cancel(consumerTag);
    } catch (error) {
      this.logger.debug(
        `Consumer cancel failed; closing the connection ends it: ${describeError(error)}`,
      );
    }
  }

  fail(reason: Error): void {
    if (!this.alive) {
      return;
    }

    this.alive = false;
    this.lostListener?.(reason);

    // Not from inside amqplib's own close handling: let it finish first.
    setImmediate(() => void this.closeModel());
  }

  /**
   * Closes the channels before the connection: amqplib interleaves channels on the socket, so a
   * connection close could overtake the last acks; a channel close is answered only after them.
   */
  async close(): Promise<void> {
    this.alive = false;

    const channels = await Promise.allSettled([...this.consumers.values()]);
    for (const started of channels) {
      if (started.status === 'fulfilled') {
        await this.closeChannel(started.value.channel);
      }
    }
    if (this.publisher) {
      await this.closeChannel(this.publisher);
    }

    await this.closeModel();
  }

  private noteReturned(message: Message): void {
    const publishId: unknown = message.properties.headers?.[PUBLISH_ID_HEADER];
    if (typeof publishId === 'string') {
      this.returned.add(publishId);
    }
  }

  private watch(channel: Channel, label: string): void {
    let channelError: Error | null = null;
    channel.on('error', (error: Error) => (channelError = error));
    channel.on('close', () => {
      // A lost connection closes its channels before it reports its own close.
      const reason = channelError ?? this.connectionError;
      this.fail(new Error(`${label} closed (${reason?.message ?? 'no reason given'})`));
    });
  }

  private async closeChannel(channel: Channel): Promise<void> {
    if (this.modelClosed) {
      return;
    }

    try {
      await channel.close();
    } catch (error) {
      this.logger.debug(`Channel was already closed: ${describeError(error)}`);
    }
  }

  private async closeModel(): Promise<void> {
    if (this.modelClosed) {
      return;
    }

    this.modelClosed = true;
    try {
      await this.model.close();
    } catch (error) {
      this.logger.debug(`Connection was already closing: ${describeError(error)}`);
    }
  }
}
