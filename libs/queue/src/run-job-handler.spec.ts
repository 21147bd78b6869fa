import { Logger } from '@nestjs/common';

import { JobHandler } from './job-queue.interface';
import { runJobHandler } from './run-job-handler';

describe('runJobHandler', () => {
  const queue = { name: 'email', retryDelaysMs: [250, 1_000] };
  const job = { id: 'job-1', payload: {}, redeliveries: 0 };
  const logger = new Logger('test');

  beforeAll(() => Logger.overrideLogger(false));

  it('passes the handler result through', async () => {
    const handler: JobHandler = async () => ({ outcome: 'dead', reason: 'bounced' });

    await expect(runJobHandler(queue, handler, job, logger)).resolves.toEqual({
      outcome: 'dead',
      reason: 'bounced',
    });
  });

  it('turns a throw into a retry with the first delay', async () => {
    const handler: JobHandler = async () => {
      throw new Error('provider down');
    };

    await expect(runJobHandler(queue, handler, job, logger)).resolves.toEqual({
      outcome: 'retry',
      delayMs: 250,
    });
  });

  it('turns a missing result into a retry with the first delay', async () => {
    const handler = (async () => undefined) as unknown as JobHandler;

    await expect(runJobHandler(queue, handler, job, logger)).resolves.toEqual({
      outcome: 'retry',
      delayMs: 250,
    });
  });
});
