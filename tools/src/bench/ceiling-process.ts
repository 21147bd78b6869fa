import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const READY_LINE = 'ready';
const START_TIMEOUT_MS = 15_000;

/** The ceiling server (ceiling-server.ts) in a child process of its own, as the Wizard runs. */
export class CeilingProcess {
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];

  private constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [resolve(__dirname, 'ceiling-server.js')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  static async start(env: Record<string, string>): Promise<CeilingProcess> {
    const ceiling = new CeilingProcess(env);
    await ceiling.ready();

    return ceiling;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** The last lines it printed, for the report of a broken run. */
  tail(): string {
    return this.lines.slice(-20).join('\n');
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

  private ready(): Promise<void> {
    return new Promise((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`the ceiling did not start in ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      for (const stream of [this.child.stdout, this.child.stderr]) {
        if (!stream) {
          continue;
        }
        createInterface({ input: stream }).on('line', (line) => {
          this.lines.push(line);
          if (line === READY_LINE) {
            clearTimeout(timer);
            done();
          }
        });
      }
      this.child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`the ceiling exited (${code}):\n${this.tail()}`));
      });
    });
  }
}
