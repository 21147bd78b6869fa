import { parseArgs } from 'node:util';

export interface AuthBenchOptions {
  users: number;
  /** Measured logins, and as many bare verifies; each phase also gets `warmup` first. */
  logins: number;
  warmup: number;
  concurrency: number;
  /** Service and bare verify alternate this many times; the result is their median. */
  rounds: number;
  /** Each phase stops by itself after this long, whatever is left of its count. */
  maxPhaseSeconds: number;
  /** libuv's threadpool, where argon2 runs: the same for Identity and the bare verify child. */
  threadpoolSize: number;
  /** Extra variables for Identity only (diagnostics: NODE_OPTIONS=--cpu-prof, LOG_LEVEL=info). */
  identityEnv: Record<string, string>;
  identityNodeArgs: string[];
}

export const AUTH_USAGE = `Usage: node dist/tools/src/bench-auth.js [options]

POST /auth/login with right passwords against Identity on PostgreSQL, then argon2.verify of the
same stored hashes in a child process of its own: the hash alone, as the ceiling.

  --users N           accounts registered before the measure, logged in round-robin (default 200)
  --logins N          measured logins, and as many bare verifies (default 2000)
  --warmup N          unmeasured logins (and verifies) before each measured phase (default 200)
  --concurrency N     logins (verifies) in flight at all times (default 20)
  --rounds N          alternate service and bare verify N times, report the medians (default 1)
  --max-seconds N     a phase stops by itself after N seconds (default 180, at most 600)
  --threadpool N      UV_THREADPOOL_SIZE of both children (default: this environment's, or 4)
  --identity-env K=V  an extra variable for Identity; repeatable
  --identity-node-arg F  a flag for Identity's node, e.g. --cpu-prof; repeatable
  --help              this text`;

const MAX_PHASE_SECONDS = 600;
const MAX_COUNT = 1_000_000;
// libuv's own default when UV_THREADPOOL_SIZE is unset.
const LIBUV_DEFAULT_THREADPOOL = '4';

export function parseAuthBenchOptions(argv: string[]): AuthBenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      users: { type: 'string', default: '200' },
      logins: { type: 'string', default: '2000' },
      warmup: { type: 'string', default: '200' },
      concurrency: { type: 'string', default: '20' },
      rounds: { type: 'string', default: '1' },
      'max-seconds': { type: 'string', default: '180' },
      threadpool: {
        type: 'string',
        default: process.env.UV_THREADPOOL_SIZE ?? LIBUV_DEFAULT_THREADPOOL,
      },
      'identity-env': { type: 'string', multiple: true, default: [] },
      'identity-node-arg': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    return 'help';
  }

  return {
    users: integerIn('--users', values.users, 1, MAX_COUNT),
    logins: integerIn('--logins', values.logins, 1, MAX_COUNT),
    warmup: integerIn('--warmup', values.warmup, 0, MAX_COUNT),
    concurrency: integerIn('--concurrency', values.concurrency, 1, 1_000),
    rounds: integerIn('--rounds', values.rounds, 1, 10),
    maxPhaseSeconds: integerIn('--max-seconds', values['max-seconds'], 1, MAX_PHASE_SECONDS),
    // libuv caps its pool at 1024 threads.
    threadpoolSize: integerIn('--threadpool', values.threadpool, 1, 1_024),
    identityEnv: Object.fromEntries(values['identity-env'].map(toEnvEntry)),
    identityNodeArgs: values['identity-node-arg'],
  };
}

function integerIn(flag: string, text: string, minimum: number, maximum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    throw new Error(`${flag} must be an integer from ${minimum} to ${maximum}, not "${text}"`);
  }

  return value;
}

function toEnvEntry(assignment: string): [string, string] {
  const separator = assignment.indexOf('=');
  if (separator < 1) {
    throw new Error(`--identity-env takes KEY=VALUE, not "${assignment}"`);
  }

  return [assignment.slice(0, separator), assignment.slice(separator + 1)];
}
