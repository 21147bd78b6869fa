import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

// The flags `npm start` gives the services (package.json config.serviceNodeFlags).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serviceNodeFlags: SERVICE_NODE_FLAGS } = require(
  resolve(__dirname, '..', '..', '..', 'scripts', 'service-node-flags.js'),
) as { serviceNodeFlags: string[] };

/** One service started from the build, with its JSON log lines kept for reading. */
export class ServiceProcess {
  readonly lines: string[] = [];
  private readonly child: ChildProcess;

  constructor(
    readonly name: 'wizard' | 'identity',
    env: Record<string, string>,
    private readonly echo: (line: string) => void = () => undefined,
    nodeArgs: string[] = [],
  ) {
    const entry = resolve(__dirname, '..', '..', 'apps', name, 'src', 'main.js');
    this.child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...nodeArgs, entry], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (stream) {
        createInterface({ input: stream }).on('line', (line) => {
          this.lines.push(line);
          this.echo(line);
        });
      }
    }
  }

  get exited(): boolean {
    return this.child.exitCode !== null;
  }

  /** The log messages (`msg`) of the JSON lines printed so far. */
  messages(): string[] {
    return this.lines.flatMap((line) => {
      if (!line.startsWith('{')) {
        return [];
      }
      const parsed = JSON.parse(line) as { msg?: unknown };

      return typeof parsed.msg === 'string' ? [parsed.msg] : [];
    });
  }

  stop(): Promise<void> {
    if (this.exited) {
      return Promise.resolve();
    }

    return new Promise((done) => {
      this.child.once('exit', () => done());
      this.child.kill('SIGTERM');
    });
  }
}

export async function waitUntilHealthy(
  service: ServiceProcess,
  baseUrl: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    if (service.exited) {
      throw new Error(`${service.name} exited:\n${service.lines.slice(-20).join('\n')}`);
    }
    const healthy = await fetch(`${baseUrl}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  throw new Error(`${service.name} did not become healthy within ${timeoutMs} ms`);
}
