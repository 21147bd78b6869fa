import { Logger, LoggerService } from '@nestjs/common';
import net from 'node:net';

import { JobPublishError, QueueClosedError } from '../job-queue.errors';
import { RabbitMqJobQueue } from './rabbitmq-job-queue';

const queue = { name: 'email', retryDelaysMs: [100] };

/** A port on 127.0.0.1 that nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));

  return port;
}

class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];

  log(message: string): void {
    this.lines.push(message);
  }

  warn(message: string): void {
    this.lines.push(message);
  }

  error(message: string): void {
    this.lines.push(message);
  }

  debug(message: string): void {
    this.lines.push(message);
  }
}

describe('RabbitMqJobQueue without a broker', () => {
  const logger = new RecordingLogger();
  let url: string;

  beforeAll(async () => {
    Logger.overrideLogger(logger);
    url = `amqp://gym:hunter2@127.0.0.1:${await closedPort()}`;
  });

  it('rejects a publish after the publish timeout, never dropping it silently', async () => {
    const jobs = new RabbitMqJobQueue({
      url,
      publishTimeoutMs: 300,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
    });
    const started = Date.now();

    const publishing = jobs.publish(queue, { id: 'job-1', payload: {} });

    await expect(publishing).rejects.toThrow(JobPublishError);
    await expect(publishing).rejects.toThrow(/within 300 ms/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await jobs.close();
  });

  it('keeps retrying with backoff and logs the URL with its password masked', async () => {
    const jobs = new RabbitMqJobQueue({ url, reconnect: { initialDelayMs: 10, maxDelayMs: 40 } });
    logger.lines.length = 0;

    jobs.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await jobs.close();

    const attempts = logger.lines.filter((line) => line.includes('reconnecting in'));
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(logger.lines.join('\n')).toContain('amqp://gym:***@127.0.0.1');
    expect(logger.lines.join('\n')).not.toContain('hunter2');
  });

  it('rejects a publish waiting for a connection when closed', async () => {
    const jobs = new RabbitMqJobQueue({ url, reconnect: { initialDelayMs: 10, maxDelayMs: 40 } });

    const publishing = expect(jobs.publish(queue, { id: 'job-1', payload: {} })).rejects.toThrow(
      /closed/,
    );
    await jobs.close();

    await publishing;
    await expect(jobs.publish(queue, { id: 'job-2', payload: {} })).rejects.toThrow(
      QueueClosedError,
    );
  });
});
