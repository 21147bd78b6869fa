import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { CleanupStack } from '../bench/cleanup-stack';
import { RESULT_PREFIX, WARMED_UP_LINE, type VerifyJob, type VerifyOutcome } from './verify-job';

export interface VerifyRun {
  job: VerifyJob;
  threadpoolSize: number;
  /** Called when the warm-up is over and the measured verifies start. */
  onMeasureStart: () => void;
  /** Called as the measured verifies end, while the child still runs. */
  onMeasureEnd: () => void;
}

// Beyond its two time-bounded phases, the child gets this long before it counts as hung.
const GRACE_MS = 30_000;

/** Runs the bare verify child (verify-ceiling.ts) once, to its result, and waits for its exit. */
export async function runBareVerify(run: VerifyRun, cleanup: CleanupStack): Promise<VerifyOutcome> {
  const child = spawn(process.execPath, [resolve(__dirname, 'verify-ceiling.js')], {
    env: { ...process.env, UV_THREADPOOL_SIZE: String(run.threadpoolSize) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  cleanup.push('stop the bare verify child', () => stop(child));

  const outcome = outcomeOf(child, run);
  child.stdin?.end(JSON.stringify(run.job));

  return outcome;
}

function outcomeOf(child: ChildProcess, run: VerifyRun): Promise<VerifyOutcome> {
  const lines: string[] = [];
  let outcome: VerifyOutcome | undefined;

  return new Promise((done, fail) => {
    const timer = setTimeout(
      () => {
        child.kill('SIGTERM');
        fail(new Error(`the bare verify child did not finish in time:\n${tail(lines)}`));
      },
      2 * run.job.maxDurationMs + GRACE_MS,
    );

    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) {
        continue;
      }
      createInterface({ input: stream }).on('line', (line) => {
        if (line === WARMED_UP_LINE) {
          run.onMeasureStart();
        } else if (line.startsWith(RESULT_PREFIX)) {
          run.onMeasureEnd();
          outcome = JSON.parse(line.slice(RESULT_PREFIX.length)) as VerifyOutcome;
        } else {
          lines.push(line);
        }
      });
    }
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    // 'close', not 'exit': by then every line of its output has been read.
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && outcome) {
        done(outcome);
      } else {
        fail(new Error(`the bare verify child exited (${code}) without a result:\n${tail(lines)}`));
      }
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }

  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

function tail(lines: string[]): string {
  return lines.slice(-20).join('\n');
}
