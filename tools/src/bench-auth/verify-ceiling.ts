import * as argon2 from 'argon2';
import { runClosedLoop, type TaskOutcome } from './closed-loop';
import { RESULT_PREFIX, WARMED_UP_LINE, type VerifyJob, type VerifyOutcome } from './verify-job';

/**
 * The ceiling of the auth benchmark, in a process of its own as Identity runs: argon2.verify of
 * the hashes Identity stored, with the right passwords, through the loop the logins use, and
 * nothing else. Started by bench-auth.ts, which sends the job on standard input.
 */
async function main(): Promise<void> {
  const job = JSON.parse(await readStandardInput()) as VerifyJob;
  const verifyOne = (index: number) => verify(job, index);

  if (job.warmup > 0) {
    await runClosedLoop({ ...loopOf(job), count: job.warmup }, verifyOne);
  }
  process.stdout.write(`${WARMED_UP_LINE}\n`);

  const cpuBefore = process.cpuUsage();
  const result = await runClosedLoop(loopOf(job), verifyOne);
  const cpu = process.cpuUsage(cpuBefore);

  const outcome: VerifyOutcome = {
    ...result,
    errorKinds: [...result.errorKinds],
    cpuMs: (cpu.user + cpu.system) / 1000,
    threadpoolSize: process.env.UV_THREADPOOL_SIZE ?? 'unset',
  };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(outcome)}\n`);
}

function loopOf(job: VerifyJob): { concurrency: number; count: number; maxDurationMs: number } {
  return { concurrency: job.concurrency, count: job.count, maxDurationMs: job.maxDurationMs };
}

/** As PasswordHasher.verify does it, round-robin over the accounts like the logins. */
async function verify(job: VerifyJob, index: number): Promise<TaskOutcome> {
  const { passwordHash, password } = job.credentials[index % job.credentials.length];

  return (await argon2.verify(passwordHash, password)) ? undefined : 'the password did not verify';
}

function readStandardInput(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bare verify failed: ${(error as Error).message}\n`);
  process.exit(1);
});
