import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const hasRabbitmqctl =
  spawnSync('rabbitmqctl', ['version'], { timeout: 5_000 }).status === 0;

/**
 * Closes, from the broker side, the connections that carry this `connection_name`. The plain
 * listing is parsed because it prints the pid in the form `close_connection` accepts.
 */
export async function closeConnectionsNamed(connectionName: string): Promise<number> {
  const { stdout } = await run('rabbitmqctl', [
    'list_connections',
    'pid',
    'client_properties',
    '--quiet',
    '--no-table-headers',
  ]);
  const marker = `{"connection_name","${connectionName}"}`;
  const pids = stdout
    .split('\n')
    .filter((line) => line.includes(marker))
    .map((line) => line.split('\t')[0]);

  for (const pid of pids) {
    await run('rabbitmqctl', ['close_connection', pid, 'closed by the queue test']);
  }

  return pids.length;
}
