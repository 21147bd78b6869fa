import { parseArgs } from 'node:util';

export const REPLAY_USAGE = `Usage: npm run stripe:replay -- --since <time>

Reads Stripe's events created from <time> on (GET /v1/events, every page) and runs each,
oldest first, through the same handlers as the webhook. Events handled before are skipped,
so it is safe to run again. Use it after an outage; Stripe keeps 30 days of events.

  --since      an ISO 8601 time, e.g. 2026-01-01T00:00:00Z (required)
  -h, --help   show this text

Reads the same environment as the Wizard (.env.wizard, .env; DATABASE_URL or the embedded
database, STRIPE_SECRET_KEY). Prints a summary as JSON; exits 1 when an event failed.`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type ReplayCommand = { help: true } | { help: false; since: string };

export function parseReplayArgs(args: string[]): ReplayCommand {
  let values: { since?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { since: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    // parseArgs names the option it did not take, never a value.
    throw new UsageError((error as Error).message);
  }

  if (values.help) {
    return { help: true };
  }
  if (!values.since) {
    throw new UsageError('--since is required.');
  }

  return { help: false, since: values.since };
}
