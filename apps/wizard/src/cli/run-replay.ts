import type { ServiceEnv, ServiceRuntime } from '@app/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { replaySince } from '../billing/replay-since';
import { StripeEventReplay, type ReplaySummary } from '../billing/stripe-event-replay';
import { WizardModule } from '../wizard.module';
import { parseReplayArgs, REPLAY_USAGE } from './replay-args';

/** The replay command without its process: what `npm run stripe:replay` and its test run. */
export async function runReplay(
  args: string[],
  env: ServiceEnv,
  out: (text: string) => void,
  // Logs go to standard error, so that standard output holds the summary alone.
  runtime: ServiceRuntime = { logDestination: process.stderr },
): Promise<ReplaySummary | undefined> {
  const command = parseReplayArgs(args);
  if (command.help) {
    out(`${REPLAY_USAGE}\n`);

    return undefined;
  }

  const since = replaySince(command.since);
  // Emails it writes are sent by the running Wizard's workers, from the outbox.
  const context = await NestFactory.createApplicationContext(
    WizardModule.register({ ...env, EMAIL_WORKER_ENABLED: 'false' }, runtime),
    { bufferLogs: true, abortOnError: false },
  );
  context.useLogger(context.get(Logger));

  try {
    const summary = await context.get(StripeEventReplay).replaySince(since);
    out(`${JSON.stringify(summary, null, 2)}\n`);

    return summary;
  } finally {
    await context.close();
  }
}
