import { isPostgresReachable } from '@app/testing';
import { connect } from 'amqplib';
import { TEST_AMQP_URL } from './platform';

function isRabbitMqReachable(): Promise<boolean> {
  return connect(TEST_AMQP_URL, { timeout: 3000 }).then(
    async (connection) => {
      await connection.close();

      return true;
    },
    () => false,
  );
}

/** Suites on the machine's PostgreSQL and RabbitMQ fail, with the reason, when one is down. */
export async function requireServers(): Promise<void> {
  const [postgres, rabbitmq] = await Promise.all([isPostgresReachable(), isRabbitMqReachable()]);
  const missing = [
    postgres ? undefined : 'PostgreSQL (127.0.0.1:5432, or TEST_DATABASE_URL)',
    rabbitmq ? undefined : 'RabbitMQ (127.0.0.1:5672, or AMQP_URL)',
  ].filter(Boolean);

  if (missing.length > 0) {
    throw new Error(`Integration suites need ${missing.join(' and ')}; start them first.`);
  }
}
