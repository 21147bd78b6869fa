import { randomBytes } from 'node:crypto';
import type { Agent } from 'node:http';
import { printMachine } from './bench/bench-report';
import { CleanupStack } from './bench/cleanup-stack';
import { cpuPerEvent, sampleCpu, type CpuSample } from './bench/cpu-meter';
import { figuresOf } from './bench/latency-stats';
import type { LoadResult } from './bench/load-loop';
import type { PhaseResult } from './bench/round-summary';
import { AuthBenchDatabase, type StoredCredential } from './bench-auth/auth-database';
import {
  AUTH_USAGE,
  parseAuthBenchOptions,
  type AuthBenchOptions,
} from './bench-auth/auth-options';
import {
  printCpu,
  printErrorKinds,
  printPhase,
  printRaisedLimits,
  printResult,
  printSettings,
} from './bench-auth/auth-report';
import { bareVerifyCpu } from './bench-auth/bare-verify-cpu';
import { logIn, makeUsers, registerAll, type BenchUser } from './bench-auth/bench-users';
import { runClosedLoop } from './bench-auth/closed-loop';
import { backendCpuBetween, backendCpuOf } from './bench-auth/postgres-cpu';
import { keepAliveAgent } from './bench-auth/http-json';
import { RAISED_LIMITS, startIdentity, type RunningIdentity } from './bench-auth/identity-service';
import { runBareVerify } from './bench-auth/verify-ceiling-process';
import type { VerifyJob } from './bench-auth/verify-job';

/**
 * `npm run bench:auth`: logins with right passwords against Identity on PostgreSQL, beside the
 * bare argon2id verify of the same stored hashes in a process of its own, at the same
 * concurrency and threadpool. Run by hand; prints its figures; `--help` for options.
 */

// More failed logins than this and the figures measure the failures, not the logins.
const BROKEN_ERROR_SHARE = 0.01;

// Ctrl-C: the load loops start nothing more, and no figure of a cut phase is printed.
const interruption = new AbortController();

interface Run {
  options: AuthBenchOptions;
  database: AuthBenchDatabase;
  identity: RunningIdentity;
  agent: Agent;
  users: BenchUser[];
  credentials: Array<{ passwordHash: string; password: string }>;
  /** Logins sent so far, so that every phase goes on round-robin where the last one stopped. */
  loginsSent: number;
}

async function main(): Promise<void> {
  const options = parseAuthBenchOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(AUTH_USAGE);

    return;
  }

  const cleanup = new CleanupStack();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the children and dropping the database`);
      interruption.abort();
      void cleanup.runAll().then(() => process.exit(130));
    });
  }

  try {
    await benchmark(options, cleanup);
  } finally {
    await cleanup.runAll();
  }
}

async function benchmark(options: AuthBenchOptions, cleanup: CleanupStack): Promise<void> {
  const run = await prepareRun(options, cleanup);
  const results: { service: PhaseResult[]; bare: PhaseResult[] } = { service: [], bare: [] };

  for (let round = 1; round <= options.rounds; round += 1) {
    const suffix = options.rounds > 1 ? ` (round ${round} of ${options.rounds})` : '';
    results.service.push(await measureLogins(run, suffix));
    results.bare.push(await measureBareVerify(run, cleanup, suffix));
  }

  printResult(results.service, results.bare, options.threadpoolSize);
}

/** A fresh database, Identity on it, and the registered users with their stored hashes. */
async function prepareRun(options: AuthBenchOptions, cleanup: CleanupStack): Promise<Run> {
  const database = new AuthBenchDatabase();
  await database.create();
  cleanup.push(`drop database ${database.name}`, () => database.drop());

  const identity = await startIdentity(
    {
      databaseUrl: database.url,
      threadpoolSize: options.threadpoolSize,
      extraEnv: options.identityEnv,
      nodeArgs: options.identityNodeArgs,
    },
    cleanup,
  );
  const agent = keepAliveAgent(options.concurrency);
  cleanup.push('close the keep-alive sockets', async () => agent.destroy());

  printMachine(await database.serverFacts());
  printSettings(settingsOf(options, database, identity));
  printRaisedLimits(RAISED_LIMITS);

  const users = makeUsers(options.users, randomBytes(4).toString('hex'));
  const started = Date.now();
  await registerAll(agent, identity.port, users, options.concurrency);
  const credentials = pairWithHashes(users, await database.storedCredentials());
  console.log(
    `\n${users.length} users registered through POST /auth/register in ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s (not measured); stored hashes: ` +
      hashFormats(credentials),
  );

  return { options, database, identity, agent, users, credentials, loginsSent: 0 };
}

async function measureLogins(run: Run, suffix: string): Promise<PhaseResult> {
  const { options, database } = run;
  console.log(`\nIdentity: POST /auth/login${suffix}`);
  const sessionsBefore = await database.sessionCount();

  if (options.warmup > 0) {
    const warmup = await logInRoundRobin(run, options.warmup);
    printPhase('warm-up (not counted)', 'logins', figuresOf(warmup));
    printErrorKinds(warmup.errorKinds);
  }

  const backendsBefore = backendCpuOf(await database.backendPids());
  const cpuBefore = { ...sampleCpu([]), postgres: 0 };
  const measured = await logInRoundRobin(run, options.logins);
  const cpuAfter = sampleCpu([]);
  const postgres = backendCpuBetween(backendsBefore, backendCpuOf(await database.backendPids()));
  const cpu = cpuPerEvent(cpuBefore, { ...cpuAfter, postgres }, measured.sent);

  const figures = figuresOf(measured);
  printPhase('measured', 'logins', figures);
  printErrorKinds(measured.errorKinds);
  printCpu('login', 'Identity', cpu);
  await printSessionsStarted(run, sessionsBefore);
  refuseBrokenLogins(figures.errors, figures.events);

  return { figures, cpu };
}

async function logInRoundRobin(run: Run, count: number): Promise<LoadResult> {
  const first = run.loginsSent;
  run.loginsSent += count;
  const loop = {
    concurrency: run.options.concurrency,
    count,
    maxDurationMs: run.options.maxPhaseSeconds * 1000,
    stop: interruption.signal,
  };

  const result = await runClosedLoop(loop, (index) =>
    logIn(run.agent, run.identity.port, run.users[(first + index) % run.users.length]),
  );
  interruption.signal.throwIfAborted();

  return result;
}

async function measureBareVerify(
  run: Run,
  cleanup: CleanupStack,
  suffix: string,
): Promise<PhaseResult> {
  const { options } = run;
  console.log(`\nbare argon2.verify in a child process${suffix}`);

  let cpuBefore: CpuSample | undefined;
  let cpuAfter: CpuSample | undefined;
  const outcome = await runBareVerify(
    {
      job: verifyJobOf(run),
      threadpoolSize: options.threadpoolSize,
      onMeasureStart: () => (cpuBefore = sampleCpu([])),
      onMeasureEnd: () => (cpuAfter = sampleCpu([])),
    },
    cleanup,
  );
  if (!cpuBefore || !cpuAfter) {
    throw new Error('the bare verify child never said where its measured phase began and ended');
  }

  const measured = { ...outcome, errorKinds: new Map(outcome.errorKinds) };
  const figures = figuresOf(measured);
  const cpu = bareVerifyCpu(cpuBefore, cpuAfter, outcome.cpuMs, figures.events);
  printPhase('measured', 'verifies', figures);
  printErrorKinds(measured.errorKinds);
  printCpu('verify', `child (UV_THREADPOOL_SIZE=${outcome.threadpoolSize})`, cpu);
  if (figures.errors > 0) {
    throw new Error('the bare verify rejected right passwords: the ceiling is not measured');
  }

  return { figures, cpu };
}

function verifyJobOf(run: Run): VerifyJob {
  return {
    credentials: run.credentials,
    warmup: run.options.warmup,
    count: run.options.logins,
    concurrency: run.options.concurrency,
    maxDurationMs: run.options.maxPhaseSeconds * 1000,
  };
}

/** Each user's password beside the hash Identity stored for it. */
function pairWithHashes(
  users: BenchUser[],
  stored: StoredCredential[],
): Array<{ passwordHash: string; password: string }> {
  const hashByEmail = new Map(stored.map((row) => [row.email, row.passwordHash]));

  return users.map(({ email, password }) => {
    const passwordHash = hashByEmail.get(email);
    if (!passwordHash) {
      throw new Error(`no stored hash for ${email}`);
    }

    return { passwordHash, password };
  });
}

/** `$argon2id$v=19$m=19456,t=2,p=1$salt$hash` as `argon2id v=19 m=19456,t=2,p=1`. */
function hashFormats(credentials: Array<{ passwordHash: string }>): string {
  const formats = new Map<string, number>();
  for (const { passwordHash } of credentials) {
    const [, type, version, parameters] = passwordHash.split('$');
    const format = `${type} ${version} ${parameters}`;
    formats.set(format, (formats.get(format) ?? 0) + 1);
  }

  return [...formats].map(([format, count]) => `${count} x ${format}`).join(', ');
}

async function printSessionsStarted(run: Run, before: number): Promise<void> {
  const started = (await run.database.sessionCount()) - before;
  console.log(`  in the database: ${started} sessions started (one per successful login)`);
}

function refuseBrokenLogins(errors: number, logins: number): void {
  if (errors > logins * BROKEN_ERROR_SHARE) {
    throw new Error(`${errors} of ${logins} logins failed: the figures would measure the failures`);
  }
  if (errors > 0) {
    console.log(`  WARNING: ${errors} logins failed; the figures count them as answered`);
  }
}

function settingsOf(
  options: AuthBenchOptions,
  database: AuthBenchDatabase,
  identity: RunningIdentity,
): Record<string, string | number> {
  const extra = Object.entries(options.identityEnv).map(([key, value]) => `${key}=${value}`);

  return {
    users: `${options.users}, logged in round-robin`,
    logins: `${options.logins} measured (and as many bare verifies), after ${options.warmup} warm-up`,
    rounds: `${options.rounds}, service then bare verify`,
    concurrency: `${options.concurrency} in flight at all times, keep-alive`,
    'time bound': `${options.maxPhaseSeconds} s per phase`,
    threadpool: `UV_THREADPOOL_SIZE=${options.threadpoolSize} in Identity and in the verify child`,
    database: `${database.name} (dropped at the end)`,
    identity: `127.0.0.1:${identity.port}, NODE_ENV=${identity.env.NODE_ENV}, LOG_LEVEL=${identity.env.LOG_LEVEL}`,
    'identity env': extra.length > 0 ? extra.join(' ') : '-',
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (interruption.signal.aborted) {
      process.exit(130);
    }
    console.error(`\nThe benchmark broke: ${(error as Error).message}`);
    process.exit(1);
  },
);
