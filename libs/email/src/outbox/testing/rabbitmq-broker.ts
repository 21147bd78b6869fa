import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

import { connect } from 'amqplib';

const execFileAsync = promisify(execFile);

export const TEST_AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A TCP connect in a child process, because Jest collects suites synchronously. */
export function isRabbitMqReachable(): boolean {
  const { hostname, port } = new URL(TEST_AMQP_URL);
  const probe =
    "const socket = require('node:net').connect(+process.argv[2], process.argv[1]);" +
    "socket.on('connect', () => process.exit(0)); socket.on('error', () => process.exit(1));";

  return (
    spawnSync(process.execPath, ['-e', probe, hostname, port || '5672'], { timeout: 3_000 })
      .status === 0
  );
}

/** Closes from the broker side the connections this test named; the server keeps running. */
export async function cutConnectionsNamed(connectionName: string): Promise<number> {
  const { stdout } = await execFileAsync('rabbitmqctl', [
    'list_connections',
    'pid',
    'client_properties',
    '--quiet',
    '--no-table-headers',
  ]);
  const ours = stdout
    .split('\n')
    .filter((line) => line.includes(`{"connection_name","${connectionName}"}`))
    .map((line) => line.split('\t')[0]);

  for (const pid of ours) {
    await execFileAsync('rabbitmqctl', ['close_connection', pid, 'cut by the outbox test']);
  }

  return ours.length;
}

/** Removes the queues a test declared, through a connection of the test's own. */
export async function deleteQueues(names: string[]): Promise<void> {
  const model = await connect(TEST_AMQP_URL);

  try {
    const channel = await model.createChannel();
    for (const name of names) {
      await channel.deleteQueue(name);
    }
  } finally {
    await model.close();
  }
}
