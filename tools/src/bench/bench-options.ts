import { parseArgs } from 'node:util';

export const DEFAULT_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

export interface BenchOptions {
  /** Measured events per target; each target also gets `warmup` events first. */
  events: number;
  warmup: number;
  concurrency: number;
  /** Database connections of the Wizard, and of the ceiling alike. */
  poolSize: number;
  /** Wizard and ceiling phases alternate this many times; the result is their median. */
  rounds: number;
  /** Each phase stops by itself after this long, well inside Stripe's 300 s signature tolerance. */
  maxPhaseSeconds: number;
  amqpUrl?: string;
  /** Extra variables for the Wizard only (diagnostics: LOG_LEVEL=info, NODE_OPTIONS=--cpu-prof). */
  wizardEnv: Record<string, string>;
  /** Flags for the Wizard's node (diagnostics: --cpu-prof, which NODE_OPTIONS refuses). */
  wizardNodeArgs: string[];
  skipCeiling: boolean;
}

export const USAGE = `Usage: node dist/tools/src/bench-webhook.js [options]

Signed checkout.session.completed events against the Wizard on PostgreSQL, then the same load
against a minimal node:http handler that verifies the same signature and runs the same SQL.

  --events N          measured events per target (default 5000)
  --warmup N          unmeasured events before each measured phase (default 2000: enough for
                      V8 to optimise the request path; fewer measure a cold start)
  --concurrency N     requests in flight at all times (default 50)
  --pool-size N       database connections of the Wizard and of the ceiling (default 10)
  --rounds N          alternate Wizard and ceiling N times and report the medians (default 1)
  --max-seconds N     a phase stops by itself after N seconds (default 240, at most 280)
  --amqp              the Wizard uses RabbitMQ at ${DEFAULT_AMQP_URL}
  --amqp-url URL      the Wizard uses RabbitMQ at URL (a vhost of your own, for instance)
  --wizard-env K=V    an extra variable for the Wizard; repeatable
  --wizard-node-arg F a flag for the Wizard's node, e.g. --cpu-prof; repeatable
  --skip-ceiling      measure the Wizard only
  --help              this text`;

// Signatures are made just before a phase and must still verify at its end.
const MAX_PHASE_SECONDS = 280;

export function parseBenchOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      events: { type: 'string', default: '5000' },
      warmup: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '50' },
      'pool-size': { type: 'string', default: '10' },
      rounds: { type: 'string', default: '1' },
      'max-seconds': { type: 'string', default: '240' },
      amqp: { type: 'boolean', default: false },
      'amqp-url': { type: 'string' },
      'wizard-env': { type: 'string', multiple: true, default: [] },
      'wizard-node-arg': { type: 'string', multiple: true, default: [] },
      'skip-ceiling': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    return 'help';
  }

  return {
    events: positiveInteger('--events', values.events),
    warmup: positiveInteger('--warmup', values.warmup, 0),
    concurrency: positiveInteger('--concurrency', values.concurrency),
    poolSize: positiveInteger('--pool-size', values['pool-size']),
    rounds: positiveInteger('--rounds', values.rounds),
    maxPhaseSeconds: Math.min(
      MAX_PHASE_SECONDS,
      positiveInteger('--max-seconds', values['max-seconds']),
    ),
    amqpUrl: values['amqp-url'] ?? (values.amqp ? DEFAULT_AMQP_URL : undefined),
    wizardEnv: Object.fromEntries(values['wizard-env'].map(toEnvEntry)),
    wizardNodeArgs: values['wizard-node-arg'],
    skipCeiling: values['skip-ceiling'],
  };
}

function positiveInteger(flag: string, text: string, minimum = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new Error(`${flag} must be an integer of at least ${minimum}, not "${text}"`);
  }

  return value;
}

function toEnvEntry(assignment: string): [string, string] {
  const separator = assignment.indexOf('=');
  if (separator < 1) {
    throw new Error(`--wizard-env takes KEY=VALUE, not "${assignment}"`);
  }

  return [assignment.slice(0, separator), assignment.slice(separator + 1)];
}
