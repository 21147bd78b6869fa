import { randomUUID } from 'node:crypto';

import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';

import { BrokerAdmin, uniqueQueue } from '../../test/broker-admin';
import { AMQP_URL, describeWithBroker } from '../../test/broker-env';
import { closeConnectionsNamed, hasRabbitmqctl } from '../../test/rabbitmqctl';
import { prefetchProbe } from '../../test/prefetch-probe';
import { cutSocket, recordSockets } from '../../test/socket-recorder';
import { sleep, waitFor } from '@app/testing';
import { IJobQueue, JOB_QUEUE, Job, JobResult, QueueDefinition } from '../job-queue.interface';
import { QueueModule } from '../queue.module';
import { DEAD_REASON_HEADER, REDELIVERIES_HEADER } from './job-message';
import { deadQueueName, retryQueueName, topologyQueueNames } from './queue-topology';
import { RabbitMqJobQueue, RabbitMqJobQueueOptions } from './rabbitmq-job-queue';

const FAST_RECONNECT = { initialDelayMs: 20, maxDelayMs: 200 };

describeWithBroker('RabbitMqJobQueue against RabbitMQ', () => {
  let admin: BrokerAdmin;
  const definitions: QueueDefinition[] = [];
  const opened: IJobQueue[] = [];

  function defineQueue(label: string, retryDelaysMs: number[]): QueueDefinition {
    const queue = uniqueQueue(label, retryDelaysMs);
    definitions.push(queue);

    return queue;
  }

  function openJobQueue(options: Partial<RabbitMqJobQueueOptions> = {}): RabbitMqJobQueue {
    const jobs = new RabbitMqJobQueue({
      url: AMQP_URL,
      connectionName: `queue-test-${randomUUID().slice(0, 8)}`,
      reconnect: FAST_RECONNECT,
      publishTimeoutMs: 5_000,
      ...options,
    });
    opened.push(jobs);

    return jobs;
  }

  beforeAll(async () => {
    Logger.overrideLogger(['error', 'warn']);
    admin = await BrokerAdmin.open();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((jobs) => jobs.close()));
    for (const queue of definitions.splice(0)) {
      await admin.deleteTopology(queue);
    }
  });

  afterAll(async () => {
    await admin?.close();
  });

  it('delivers a published job to the consumer and acks it', async () => {
    const queue = defineQueue('roundtrip', [200]);
    const jobs = openJobQueue();
    const received: Job[] = [];
    await jobs.consume(queue, async (job) => {
      received.push(job);

      return { outcome: 'done' };
    });

    await jobs.publish(queue, { id: 'job-1', payload: { to: 'a@example.test', n: 1 } });
    await waitFor('the delivery', () => received.length === 1);
    await jobs.close();

    expect(received).toEqual([
      { id: 'job-1', payload: { to: 'a@example.test', n: 1 }, redeliveries: 0 },
    ]);
    expect(await admin.messageCount(queue.name)).toBe(0);
  });

  it('keeps no more handlers running than the prefetch', async () => {
    const queue = defineQueue('prefetch', [200]);
    const jobs = openJobQueue();
    const probe = prefetchProbe(15);
    await jobs.consume(queue, probe.handler, 3);

    await Promise.all(
      Array.from({ length: 15 }, (_, n) => jobs.publish(queue, { id: `job-${n}`, payload: {} })),
    );
    await waitFor('all jobs handled', () => probe.handledCount() === 15);

    expect(probe.mostAtOnce()).toBe(3);
  });

  it('declares durable work, retry (TTL) and dead queues; publishes persistent jobs', async () => {
    const queue = defineQueue('durable', [150, 600]);
    const jobs = openJobQueue();

    await jobs.publish(queue, { id: 'job-7', payload: { n: 7 } });

    expect(await admin.messageCount(queue.name)).toBe(1);
    const message = await admin.take(queue.name);
    expect(message && message.properties).toMatchObject({
      deliveryMode: 2,
      messageId: 'job-7',
      contentType: 'application/json',
    });
    expect(message && JSON.parse(message.content.toString())).toEqual({
      id: 'job-7',
      payload: { n: 7 },
    });

    for (const name of topologyQueueNames(queue)) {
      await expect(admin.declarationRefused(name, { durable: false })).resolves.toBe(true);
    }
    const retryArguments = (ttl: number) => ({
      durable: true,
      arguments: {
        'x-message-ttl': ttl,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': queue.name,
      },
    });
    const retryQueue = retryQueueName(queue.name, 150);
    await expect(admin.declarationRefused(retryQueue, retryArguments(150))).resolves.toBe(false);
    await expect(admin.declarationRefused(retryQueue, retryArguments(999))).resolves.toBe(true);
  });

  it('declares again a work queue deleted under a live connection, not dropping jobs', async () => {
    const queue = defineQueue('deleted', [200]);
    const jobs = openJobQueue();
    await jobs.publish(queue, { id: 'job-1', payload: {} });

    await admin.deleteTopology(queue);
    await jobs.publish(queue, { id: 'job-2', payload: {} });

    expect(await admin.messageCount(queue.name)).toBe(1);
    const message = await admin.take(queue.name);
    expect(message && message.properties.messageId).toBe('job-2');
  });

  it('returns a retry to the work queue after the TTL of the right tier', async () => {
    const queue = defineQueue('retry', [150, 600]);
    const jobs = openJobQueue();
    const firstAnswer: Record<string, () => JobResult> = {
      short: () => ({ outcome: 'retry', delayMs: 100 }),
      long: () => ({ outcome: 'retry', delayMs: 10_000 }),
      throws: () => {
        throw new Error('provider down');
      },
    };
    const deliveries: { job: Job; at: number }[] = [];
    await jobs.consume(queue, async (job) => {
      deliveries.push({ job, at: Date.now() });

      return job.redeliveries === 0 ? firstAnswer[job.id]() : { outcome: 'done' };
    });

    for (const id of Object.keys(firstAnswer)) {
      await jobs.publish(queue, { id, payload: {} });
    }
    await waitFor(
      'the long retry parked in the 600 ms queue',
      async () => (await admin.messageCount(retryQueueName(queue.name, 600))) === 1,
    );
    await waitFor('every job delivered twice', () => deliveries.length === 6, 3_000);

    const gapOf = (id: string) => {
      const [first, second] = deliveries.filter((delivery) => delivery.job.id === id);
      expect(second.job.redeliveries).toBe(1);

      return second.at - first.at;
    };
    expect(gapOf('short')).toBeGreaterThanOrEqual(140);
    expect(gapOf('short')).toBeLessThan(600);
    expect(gapOf('throws')).toBeGreaterThanOrEqual(140);
    expect(gapOf('throws')).toBeLessThan(600);
    expect(gapOf('long')).toBeGreaterThanOrEqual(590);
  });

  it('moves a dead job to the dead queue with its reason', async () => {
    const queue = defineQueue('dead', [200]);
    const jobs = openJobQueue();
    let deliveries = 0;
    await jobs.consume(queue, async () => {
      deliveries += 1;

      return { outcome: 'dead', reason: 'mailbox does not exist' };
    });

    await jobs.publish(queue, { id: 'job-9', payload: { to: 'nobody@example.test' } });
    await waitFor(
      'the dead copy',
      async () => (await admin.messageCount(deadQueueName(queue.name))) === 1,
    );
    await jobs.close();

    const dead = await admin.take(deadQueueName(queue.name));
    expect(dead && dead.properties).toMatchObject({ deliveryMode: 2, messageId: 'job-9' });
    expect(dead && dead.properties.headers).toMatchObject({
      [DEAD_REASON_HEADER]: 'mailbox does not exist',
      [REDELIVERIES_HEADER]: 0,
    });
    expect(deliveries).toBe(1);
    expect(await admin.messageCount(queue.name)).toBe(0);
  });

  it('loses no job when the connection is cut in the middle of a burst', async () => {
    const queue = defineQueue('burst', [100]);
    const recorder = recordSockets();

    try {
      const jobs = openJobQueue();
      const deliveriesById = new Map<string, number>();
      let cutAt = -1;
      await jobs.consume(
        queue,
        async (job) => {
          deliveriesById.set(job.id, (deliveriesById.get(job.id) ?? 0) + 1);
          if (cutAt < 0 && deliveriesById.size === 50) {
            cutAt = deliveriesById.size;
            cutSocket(recorder.sockets[0]);
          }
          await sleep(2);

          return { outcome: 'done' };
        },
        10,
      );

      // Ten at a time, so the cut also lands among publishes still waiting for their confirm.
      const ids = Array.from({ length: 200 }, (_, n) => `burst-${n}`);
      let publishedBeforeCut = 0;
      for (let start = 0; start < ids.length; start += 10) {
        const batch = ids.slice(start, start + 10);
        await Promise.all(batch.map((id) => jobs.publish(queue, { id, payload: { id } })));
        if (cutAt < 0) {
          publishedBeforeCut += batch.length;
        }
      }
      await waitFor('every job handled', () => ids.every((id) => deliveriesById.has(id)), 10_000);
      await waitFor(
        'the work queue drained',
        async () => (await admin.messageCount(queue.name)) === 0,
      );
      await jobs.close();

      expect(cutAt).toBe(50);
      expect(publishedBeforeCut).toBeLessThan(200);
      expect(recorder.sockets.length).toBeGreaterThanOrEqual(2);
      expect([...deliveriesById.keys()].sort()).toEqual([...ids].sort());
      expect(await admin.messageCount(queue.name)).toBe(0);
    } finally {
      recorder.restore();
    }
  });

  const brokerClose = 'reconnects after the broker closes the connection by its name';
  (hasRabbitmqctl ? it : it.skip)(
    hasRabbitmqctl ? brokerClose : `${brokerClose} [skipped: no rabbitmqctl on PATH]`,
    async () => {
      const queue = defineQueue('forced', [200]);
      const connectionName = `queue-test-forced-${randomUUID().slice(0, 8)}`;
      const jobs = openJobQueue({ connectionName });
      const handled = new Set<string>();
      await jobs.consume(queue, async (job) => {
        handled.add(job.id);

        return { outcome: 'done' };
      });

      for (let n = 0; n < 10; n += 1) {
        await jobs.publish(queue, { id: `before-${n}`, payload: {} });
      }
      await waitFor('the first jobs handled', () => handled.size === 10);
      expect(await closeConnectionsNamed(connectionName)).toBe(1);
      for (let n = 0; n < 10; n += 1) {
        await jobs.publish(queue, { id: `after-${n}`, payload: {} });
      }
      await waitFor('the later jobs handled', () => handled.size === 20);

      expect(jobs.isConnected).toBe(true);
    },
  );

  it('is what QueueModule binds for the rabbitmq driver, and closes with the app', async () => {
    const queue = defineQueue('module', [200]);
    const moduleRef = await Test.createTestingModule({
      imports: [
        QueueModule.forRoot({
          driver: 'rabbitmq',
          url: AMQP_URL,
          connectionName: `queue-test-module-${randomUUID().slice(0, 8)}`,
          reconnect: FAST_RECONNECT,
        }),
      ],
    }).compile();
    const jobs = moduleRef.get<IJobQueue>(JOB_QUEUE);
    const received: string[] = [];
    await jobs.consume(queue, async (job) => {
      received.push(job.id);

      return { outcome: 'done' };
    });

    await jobs.publish(queue, { id: 'job-1', payload: {} });
    await waitFor('the delivery', () => received.length === 1);
    await moduleRef.close();

    expect(jobs).toBeInstanceOf(RabbitMqJobQueue);
    expect((jobs as RabbitMqJobQueue).isConnected).toBe(false);
  });
});
