import { Injectable, Logger, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';

import { InProcessJobQueue } from './in-process/in-process-job-queue';
import { QueueClosedError } from './job-queue.errors';
import { IJobQueue, InjectJobQueue, JOB_QUEUE } from './job-queue.interface';
import { QueueModule } from './queue.module';

const queue = { name: 'email', retryDelaysMs: [100] };

@Injectable()
class Mailer {
  constructor(@InjectJobQueue() readonly jobs: IJobQueue) {}
}

@Module({ providers: [Mailer] })
class FeatureModule {}

describe('QueueModule', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('binds JOB_QUEUE to the in-process driver', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [QueueModule.forRoot({ driver: 'in-process' })],
    }).compile();

    expect(moduleRef.get(JOB_QUEUE)).toBeInstanceOf(InProcessJobQueue);
    await moduleRef.close();
  });

  it('builds the driver from async options', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        QueueModule.forRootAsync({ useFactory: async () => ({ driver: 'in-process' as const }) }),
      ],
    }).compile();

    expect(moduleRef.get(JOB_QUEUE)).toBeInstanceOf(InProcessJobQueue);
    await moduleRef.close();
  });

  it('provides the token to every module when global', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [QueueModule.forRoot({ driver: 'in-process', isGlobal: true }), FeatureModule],
    }).compile();

    expect(moduleRef.get(Mailer).jobs).toBe(moduleRef.get(JOB_QUEUE));
    await moduleRef.close();
  });

  it('keeps the token to importers when not global', async () => {
    const building = Test.createTestingModule({
      imports: [QueueModule.forRoot({ driver: 'in-process' }), FeatureModule],
    }).compile();

    await expect(building).rejects.toThrow(/Mailer/);
  });

  it('closes the queue on application shutdown', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [QueueModule.forRoot({ driver: 'in-process' })],
    }).compile();
    const jobs = moduleRef.get<IJobQueue>(JOB_QUEUE);

    await moduleRef.close();

    await expect(jobs.publish(queue, { id: 'job-1', payload: {} })).rejects.toThrow(
      QueueClosedError,
    );
  });

  it('refuses a URL that is not amqp without repeating it', async () => {
    const building = Test.createTestingModule({
      imports: [QueueModule.forRoot({ driver: 'rabbitmq', url: 'http://user:hunter2@host' })],
    }).compile();

    await expect(building).rejects.toThrow('The queue URL must be an amqp:// or amqps:// URL');
    await expect(building).rejects.not.toThrow(/hunter2/);
  });
});
