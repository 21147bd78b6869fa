import { waitFor } from '@app/testing';
import type { AddressInfo } from 'node:net';
import { describeIdentityWithMail, type IdentityMailApp } from './support/identity-mail-app';
import { signUp, waitForNoPendingRequests } from './support/password-reset-steps';

const CALLS_PER_KIND = 50;
const WARM_UP_CALLS = 10;
const MAX_MEDIAN_GAP_MS = 25;

describeIdentityWithMail('password reset timing', ({ test }) => {
  test('takes as long for an unknown email as for a known one (median gap <= 25 ms over 50 + 50)', async (context) => {
    const owner = await signUp(context, 'timing-owner@example.test');
    const emails = { known: owner.email, unknown: 'timing-nobody@example.test' };
    const url = await listeningUrl(context);

    for (let call = 0; call < WARM_UP_CALLS; call += 1) {
      await timedRequest(context, url, emails.known);
      await timedRequest(context, url, emails.unknown);
    }

    const times = { known: [] as number[], unknown: [] as number[] };
    for (let pair = 0; pair < CALLS_PER_KIND; pair += 1) {
      // Interleaved, each pair in a random order, so load that comes and goes hits both.
      const order: Array<keyof typeof emails> =
        Math.random() < 0.5 ? ['known', 'unknown'] : ['unknown', 'known'];
      for (const kind of order) {
        times[kind].push(await timedRequest(context, url, emails[kind]));
      }
    }

    const gapMs = Math.abs(median(times.known) - median(times.unknown));
    expect(gapMs).toBeLessThanOrEqual(MAX_MEDIAN_GAP_MS);
    await waitFor('every link of the known account to be sent', () =>
      Promise.resolve(
        context.sentEmails().filter((email) => email.to === owner.email).length ===
          WARM_UP_CALLS + CALLS_PER_KIND,
      ),
    );
    expect(context.sentEmails().filter((email) => email.to === emails.unknown)).toEqual([]);
  }, 180_000);
});

/** A kept-alive connection to the listening app: no per-call connection set-up in the times. */
async function listeningUrl(context: IdentityMailApp): Promise<string> {
  await context.app.listen(0, '127.0.0.1');
  const { port } = context.app.getHttpServer().address() as AddressInfo;

  return `http://127.0.0.1:${port}/auth/password-reset`;
}

/**
 * The time of one answer, on a quiet service: the work the previous request left for after its
 * answer (the link, its email) is done first, as it would be between an attacker's probes.
 */
async function timedRequest(context: IdentityMailApp, url: string, email: string): Promise<number> {
  await waitForNoPendingRequests(context);
  await waitForQuietOutbox(context);

  const started = process.hrtime.bigint();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  await response.arrayBuffer();
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;

  expect(response.status).toBe(202);

  return elapsedMs;
}

async function waitForQuietOutbox(context: IdentityMailApp): Promise<void> {
  await waitFor('the outbox to be sent', async () => {
    const [row] = await context.db.query(
      `SELECT count(*)::int AS n FROM email_outbox WHERE status NOT IN ('sent', 'failed', 'dead')`,
    );

    return row.n === 0;
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle];
}
