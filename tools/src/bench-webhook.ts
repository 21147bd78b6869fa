import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { consumersOf, WIZARD_EMAIL_QUEUE } from './bench/amqp-queue-check';
import { BenchDatabase } from './bench/bench-database';
import { parseBenchOptions, USAGE, type BenchOptions } from './bench/bench-options';
import {
  printComparison,
  printCpu,
  printErrorKinds,
  printMachine,
  printPhase,
  printSettings,
  printWorkDone,
} from './bench/bench-report';
import { CeilingProcess } from './bench/ceiling-process';
import {
  checkoutCompletedFor,
  loadCheckoutTemplate,
  signAll,
  type StripeEventTemplate,
  type WebhookDelivery,
} from './bench/checkout-events';
import { CleanupStack } from './bench/cleanup-stack';
import { cpuPerEvent, sampleCpu } from './bench/cpu-meter';
import { freeLoopbackPort } from './bench/free-port';
import { figuresOf } from './bench/latency-stats';
import { deliverAll, type LoadOptions, type LoadTarget } from './bench/load-loop';
import type { PhaseResult } from './bench/round-summary';
import { compareStatements, recordedStatements, recorderEnv } from './bench/sql-check';
import { ServiceProcess, waitUntilHealthy } from './service-process';

/**
 * `npm run bench:webhook`: signed checkout.session.completed events, each paying for its own gym,
 * against the Wizard on PostgreSQL, then against a minimal node:http handler doing the same
 * signature check and SQL (the ceiling). Run by hand; prints its figures; `--help` for options.
 */
const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const WEBHOOK_PATH = '/webhooks/stripe';
// Nothing listens there: a stray call to Stripe or Identity fails on this machine.
const NOWHERE = 'http://127.0.0.1:9';
const ECHOED_WIZARD_LINES = 20;
const OUTBOX_DRAIN_TIMEOUT_MS = 120_000;

interface Run {
  options: BenchOptions;
  database: BenchDatabase;
  webhookSecret: string;
  template: StripeEventTemplate;
  payloadSource: string;
  runId: string;
  /** Where each server's first webhook transaction is written (see transaction-recorder.ts). */
  recordings: { wizard: string; ceiling: string };
  /** The Wizard ran its migrations; the ceiling needs them. */
  schemaReady: boolean;
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);

    return;
  }

  const cleanup = new CleanupStack();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the servers and dropping the database`);
      void cleanup.runAll().then(() => process.exit(130));
    });
  }

  try {
    await benchmark(options, cleanup);
  } finally {
    await cleanup.runAll();
  }
}

async function benchmark(options: BenchOptions, cleanup: CleanupStack): Promise<void> {
  if (options.amqpUrl) {
    await refuseSharedEmailQueue(options.amqpUrl);
  }

  const run = await prepareRun(options, cleanup);
  const results: { wizard: PhaseResult[]; ceiling: PhaseResult[] } = { wizard: [], ceiling: [] };
  for (let round = 1; round <= options.rounds; round += 1) {
    const suffix = options.rounds > 1 ? ` (round ${round} of ${options.rounds})` : '';
    results.wizard.push(await measureWizard(run, cleanup, suffix));
    if (!options.skipCeiling) {
      results.ceiling.push(await measureCeiling(run, cleanup, suffix));
    }
  }

  printComparison(results.wizard, results.ceiling);
  if (!options.skipCeiling) {
    const wizardSql = recordedStatements(run.recordings.wizard);
    console.log(
      compareStatements(wizardSql, recordedStatements(run.recordings.ceiling)).join('\n'),
    );
  }
}

/** The first start also prints the machine and the settings: the schema exists from then on. */
async function measureWizard(
  run: Run,
  cleanup: CleanupStack,
  suffix: string,
): Promise<PhaseResult> {
  const firstStart = !run.schemaReady;
  const wizard = await startWizard(run, cleanup);
  run.schemaReady = true;
  if (firstStart) {
    printMachine(await run.database.serverFacts());
    printSettings(settingsOf(run, wizard.env.LOG_LEVEL));
  }

  const result = await measure('Wizard', suffix, { port: wizard.port, path: WEBHOOK_PATH }, run);
  if (run.options.amqpUrl) {
    await letOutboxDrain(run.database);
  }
  await wizard.process.stop();
  await run.database.emptyWizardTables();

  return result;
}

/**
 * On a shared broker the jobs of a stopped Wizard stay in its queue and reach the next Wizard
 * that consumes it (an e2e run), for rows in a database that is gone by then: so they are sent
 * first, within a bound.
 */
async function letOutboxDrain(database: BenchDatabase): Promise<void> {
  const started = Date.now();
  let left = await database.emailsNotSent();
  while (left > 0 && Date.now() - started < OUTBOX_DRAIN_TIMEOUT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    left = await database.emailsNotSent();
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    left === 0
      ? `  outbox drained through RabbitMQ in ${seconds} s after the measured phase`
      : `  WARNING: ${left} emails still unsent after ${seconds} s; their jobs stay in ` +
          `${WIZARD_EMAIL_QUEUE} on the broker`,
  );
}

async function measureCeiling(
  run: Run,
  cleanup: CleanupStack,
  suffix: string,
): Promise<PhaseResult> {
  const ceiling = await startCeiling(run, cleanup);
  const result = await measure('ceiling', suffix, { port: ceiling.port, path: WEBHOOK_PATH }, run);
  await ceiling.process.stop();
  await run.database.emptyWizardTables();

  return result;
}

/** A fresh database, a secret, ids no other run uses, and the payload every event starts from. */
async function prepareRun(options: BenchOptions, cleanup: CleanupStack): Promise<Run> {
  const database = new BenchDatabase();
  await database.create();
  cleanup.push(`drop database ${database.name}`, () => database.drop());

  const runId = randomBytes(4).toString('hex');
  const recordings = {
    wizard: join(tmpdir(), `bench-webhook-${runId}-wizard.json`),
    ceiling: join(tmpdir(), `bench-webhook-${runId}-ceiling.json`),
  };
  cleanup.push('remove the SQL recordings', async () => {
    rmSync(recordings.wizard, { force: true });
    rmSync(recordings.ceiling, { force: true });
  });

  const { template, source } = loadCheckoutTemplate(REPO_ROOT);

  return {
    options,
    database,
    webhookSecret: `whsec_${randomBytes(24).toString('hex')}`,
    template,
    payloadSource: source,
    runId,
    recordings,
    schemaReady: false,
  };
}

async function startWizard(
  run: Run,
  cleanup: CleanupStack,
): Promise<{ process: ServiceProcess; port: number; env: Record<string, string> }> {
  const port = await freeLoopbackPort();
  const env = wizardEnv(run, port);
  // ServiceProcess passes this process's environment on; only the bench decides the queue.
  delete process.env.AMQP_URL;

  let echoed = 0;
  const echo = (line: string): void => {
    echoed += 1;
    if (echoed <= ECHOED_WIZARD_LINES) {
      console.log(`  [wizard] ${line.slice(0, 300)}`);
    }
  };
  const wizard = new ServiceProcess('wizard', env, echo, run.options.wizardNodeArgs);
  cleanup.push('stop the Wizard', () => wizard.stop());
  await waitUntilHealthy(wizard, `http://127.0.0.1:${port}`);

  return { process: wizard, port, env };
}

function wizardEnv(run: Run, port: number): Record<string, string> {
  return {
    DATABASE_URL: run.database.url,
    DATABASE_POOL_SIZE: String(run.options.poolSize),
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    // At info every request writes a log line, which would be most of what is measured.
    LOG_LEVEL: 'warn',
    STRIPE_SECRET_KEY: `sk_test_bench${randomBytes(12).toString('hex')}`,
    STRIPE_WEBHOOK_SECRET: run.webhookSecret,
    STRIPE_API_BASE_URL: NOWHERE,
    IDENTITY_URL: NOWHERE,
    EMAIL_PROVIDER: 'console',
    ...(run.options.amqpUrl ? { AMQP_URL: run.options.amqpUrl } : {}),
    ...run.options.wizardEnv,
    ...recorderEnv(run.recordings.wizard, run.options.wizardEnv.NODE_OPTIONS),
  };
}

async function startCeiling(
  run: Run,
  cleanup: CleanupStack,
): Promise<{ process: CeilingProcess; port: number }> {
  const port = await freeLoopbackPort();
  const ceiling = await CeilingProcess.start({
    DATABASE_URL: run.database.url,
    POOL_SIZE: String(run.options.poolSize),
    PORT: String(port),
    STRIPE_WEBHOOK_SECRET: run.webhookSecret,
    ...recorderEnv(run.recordings.ceiling),
  });
  cleanup.push('stop the ceiling', () => ceiling.stop());

  return { process: ceiling, port };
}

/** A warm-up, then the measured phase, each over gyms of their own. */
async function measure(
  label: string,
  suffix: string,
  target: LoadTarget,
  run: Run,
): Promise<PhaseResult> {
  const { options, database } = run;
  console.log(`\n${label}${suffix}`);

  const gymIds = await database.seedGyms(options.warmup + options.events);
  const bodies = gymIds.map((gymId, index) =>
    checkoutCompletedFor(run.template, gymId, `${run.runId}_${label}_${index}`),
  );
  const load = { concurrency: options.concurrency, maxDurationMs: options.maxPhaseSeconds * 1000 };
  if (options.warmup > 0) {
    await warmUp(target, signAll(bodies.slice(0, options.warmup), run.webhookSecret), load);
  }

  // Signed just now, so no signature is near the 300 s tolerance by the end of the phase.
  const deliveries = signAll(bodies.slice(options.warmup), run.webhookSecret);
  const backends = await database.backendPids();
  const cpuBefore = sampleCpu(backends);
  const measured = await deliverAll(target, deliveries, load);
  const cpu = cpuPerEvent(cpuBefore, sampleCpu(backends), measured.sent);

  const figures = figuresOf(measured);
  printPhase('measured', figures);
  printErrorKinds(measured.errorKinds);
  printCpu(cpu, backends.length);
  printWorkDone(await database.workDone());
  if (figures.errors === figures.events) {
    throw new Error(`${label}: no event of the measured phase was processed`);
  }

  return { figures, cpu };
}

/** JIT, pool connections and caches get going here, outside the figures. */
async function warmUp(
  target: LoadTarget,
  deliveries: WebhookDelivery[],
  load: LoadOptions,
): Promise<void> {
  const warmup = await deliverAll(target, deliveries, load);
  printPhase('warm-up (not counted)', figuresOf(warmup));
  printErrorKinds(warmup.errorKinds);
}

function settingsOf(run: Run, logLevel: string): Record<string, string | number> {
  const { options } = run;
  const extra = Object.keys(options.wizardEnv);

  return {
    events: `${options.events} measured per target, after ${options.warmup} warm-up`,
    rounds: `${options.rounds}${options.skipCeiling ? ', Wizard only' : ', Wizard then ceiling'}`,
    concurrency: `${options.concurrency} requests in flight, keep-alive`,
    'time bound': `${options.maxPhaseSeconds} s per phase`,
    payload: run.payloadSource,
    database: `${run.database.name} (dropped at the end)`,
    queue: options.amqpUrl
      ? `RabbitMQ at ${new URL(options.amqpUrl).host} (${WIZARD_EMAIL_QUEUE})`
      : 'in-process',
    'log level': `${logLevel} (at info, each request logs a line)`,
    pools: `${options.poolSize} connections each (Wizard TypeORM, ceiling pg.Pool)`,
    'wizard env':
      extra.length > 0 ? extra.map((key) => `${key}=${options.wizardEnv[key]}`).join(' ') : '-',
  };
}

async function refuseSharedEmailQueue(amqpUrl: string): Promise<void> {
  const consumers = await consumersOf(amqpUrl, WIZARD_EMAIL_QUEUE);
  if (consumers > 0) {
    throw new Error(
      `${consumers} consumer(s) already read ${WIZARD_EMAIL_QUEUE} on this broker (another ` +
        "Wizard, an e2e run?); their jobs and the bench's would mix. Try again later, or give " +
        '--amqp-url a vhost of your own.',
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\nThe benchmark broke: ${(error as Error).message}`);
    process.exit(1);
  },
);
