import { spawnSync } from 'node:child_process';

export const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

const REQUIRED = process.env.REQUIRE_INTEGRATION === '1';

/**
 * Jest collects tests synchronously, so reachability is probed in a child process: a plain TCP
 * connect to the broker's host and port, nothing more.
 */
function brokerReachable(url: string): boolean {
  const { hostname, port } = new URL(url);
  const probe =
    "const s = require('node:net').connect({ host: process.argv[1], port: +process.argv[2] });" +
    "s.on('connect', () => process.exit(0)); s.on('error', () => process.exit(1));";
  const result = spawnSync(process.execPath, ['-e', probe, hostname, port || '5672'], {
    timeout: 3_000,
  });

  return result.status === 0;
}

function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) {
    parsed.password = '***';
  }

  return parsed.toString();
}

/**
 * Runs the suite against RabbitMQ. Without a broker it is skipped with the reason in its title,
 * unless REQUIRE_INTEGRATION=1, where it fails instead.
 */
export function describeWithBroker(title: string, suite: () => void): void {
  if (brokerReachable(AMQP_URL)) {
    describe(title, suite);

    return;
  }

  if (REQUIRED) {
    describe(title, () => {
      it('reaches RabbitMQ (REQUIRE_INTEGRATION=1)', () => {
        throw new Error(`RabbitMQ is unreachable at ${safeUrl(AMQP_URL)}`);
      });
    });

    return;
  }

  // Jest lists skipped suites only in verbose runs, so the reason also goes to stderr.
  const reason = `no RabbitMQ at ${safeUrl(AMQP_URL)}; REQUIRE_INTEGRATION=1 fails instead`;
  process.stderr.write(`Skipping "${title}": ${reason}\n`);
  describe.skip(`${title} [skipped: ${reason}]`, suite);
}
