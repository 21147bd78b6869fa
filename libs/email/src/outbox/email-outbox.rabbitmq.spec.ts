import { randomUUID } from 'node:crypto';

import { RabbitMqJobQueue, deadQueueName, retryQueueName } from '@app/queue';
import { integrationRequired } from '@app/testing';

import { resolveEmailOutboxOptions } from './email-outbox.options';
import { emailQueueDefinition } from './retry-schedule';
import { CapturingLogger } from './testing/capturing-logger';
import { createOutboxTestDatabase, OutboxTestDatabase } from './testing/outbox-test-database';
import { FAST_OUTBOX_OPTIONS, OutboxTestApp, startOutboxApp } from './testing/outbox-test-app';
import {
  TEST_AMQP_URL,
  cutConnectionsNamed,
  deleteQueues,
  isRabbitMqReachable,
} from './testing/rabbitmq-broker';
import { ScriptedEmailService } from './testing/scripted-email-service';
import { waitFor } from '@app/testing';

const BURST = 100;
const brokerUp = isRabbitMqReachable();

// Under REQUIRE_INTEGRATION=1 a missing broker fails the suite (in beforeAll) instead of skipping it.
const describeOnBroker = brokerUp || integrationRequired() ? describe : describe.skip;
if (!brokerUp && !integrationRequired()) {
  process.stderr.write(
    `Skipping the outbox RabbitMQ suite: no broker at ${new URL(TEST_AMQP_URL).host}\n`,
  );
}

describeOnBroker('the email outbox on RabbitMQ', () => {
  let db: OutboxTestDatabase;
  let queue: RabbitMqJobQueue;
  let app: OutboxTestApp | undefined;
  const connectionName = `email-outbox-test-${randomUUID().slice(0, 8)}`;
  const options = {
    ...FAST_OUTBOX_OPTIONS,
    queueName: `email.outbox.test.${randomUUID().slice(0, 8)}`,
    leaseMs: 2_000,
    prefetch: 5,
  };

  beforeAll(async () => {
    if (!brokerUp) {
      throw new Error(`RabbitMQ is unreachable at ${new URL(TEST_AMQP_URL).host}`);
    }

    db = await createOutboxTestDatabase();
    queue = new RabbitMqJobQueue({
      url: TEST_AMQP_URL,
      connectionName,
      reconnect: { initialDelayMs: 50, maxDelayMs: 500 },
      publishTimeoutMs: 10_000,
    });
  });

  afterAll(async () => {
    if (!brokerUp) {
      return;
    }

    await app?.close();
    await queue.close();

    const definition = emailQueueDefinition(resolveEmailOutboxOptions(options));
    await deleteQueues([
      definition.name,
      ...definition.retryDelaysMs.map((ms) => retryQueueName(definition.name, ms)),
      deadQueueName(definition.name),
    ]);
    await db.drop();
  });

  it('sends each email of a burst exactly once although the connection is cut mid-burst', async () => {
    const email = new ScriptedEmailService().slowDown(15);
    const started = await startOutboxApp({
      databaseUrl: db.url,
      queue,
      email,
      logger: new CapturingLogger(),
      options,
    });
    app = started;

    const ids = await Promise.all(
      Array.from({ length: BURST }, (_, n) =>
        db.dataSource.transaction(async (manager) => {
          const { id } = await started.outbox.enqueue(manager, {
            template: 'welcome',
            to: `owner${n}@example.test`,
            idempotencyKey: `welcome:burst:${n}`,
            data: { gymName: `Gym ${n}`, dashboardUrl: `https://dashboard.example.test/${n}` },
          });

          return id;
        }),
      ),
    );
    await waitFor('the burst to start going out', () => email.sent().length >= 10);
    const sentBeforeCut = email.sent().length;
    const cut = await cutConnectionsNamed(connectionName);
    await waitFor(
      'every email to be sent',
      async () => (await db.countByStatus()).sent === BURST,
      30_000,
    );

    const accepted = email.acceptedPerRow();
    expect(cut).toBeGreaterThanOrEqual(1);
    expect(sentBeforeCut).toBeLessThan(BURST);
    expect([...accepted.keys()].sort()).toEqual([...ids].sort());
    expect([...accepted.values()].every((count) => count === 1)).toBe(true);
  }, 60_000);
});
