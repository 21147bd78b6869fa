import { randomBytes } from 'node:crypto';
import {
  invoiceEvent,
  stripeApiError,
  stripeFixture,
  subscriptionEvent,
  unixSecondsFromNow,
} from '@app/testing';
import type Stripe from 'stripe';
import { UsageError } from '../apps/wizard/src/cli/replay-args';
import { runReplay } from '../apps/wizard/src/cli/run-replay';
import { paidGym, type PaidGym } from './support/billing';
import { requireServers } from './support/integration';
import { TestPlatform } from './support/platform';

const FILLERS = 120;

describe('replaying Stripe events after an outage (PostgreSQL and RabbitMQ)', () => {
  let platform: TestPlatform;
  let asAdmin: { authorization: string };

  beforeAll(async () => {
    await requireServers();
    platform = await TestPlatform.start('servers');
    asAdmin = { authorization: `Bearer ${(await platform.signUpAdmin()).token}` };
  }, 60_000);

  afterEach(() => platform.stripe.reset());

  afterAll(async () => {
    await platform?.stop();
  });

  const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
  const replay = (since: string, headers = asAdmin) =>
    platform.wizardHttp.post('/admin/stripe/events/replay').set(headers).send({ since });

  /** One event the webhook got, two it missed, and enough others to fill two pages. */
  function outage(gym: PaidGym, start: number) {
    const ids = { subscriptionId: gym.subscriptionId, gymId: gym.gymId };
    const delivered = invoiceEvent('invoice.paid', {
      ...ids,
      invoiceId: `in_test_${randomBytes(6).toString('hex')}`,
      created: start + 1,
    });
    const missed = [
      subscriptionEvent('customer.subscription.updated', {
        ...ids,
        created: start + 2,
        status: 'active',
        priceId: 'price_club_monthly',
      }),
      invoiceEvent('invoice.payment_failed', {
        ...ids,
        invoiceId: `in_test_${randomBytes(6).toString('hex')}`,
        created: start + 3,
      }),
    ];
    const fillers = Array.from({ length: FILLERS }, (_, n) => ({
      ...stripeFixture('customer.subscription.deleted'),
      id: `evt_test_filler_${randomBytes(6).toString('hex')}_${n}`,
      type: 'customer.created',
      created: start + 4 + n,
    })) as Stripe.Event[];
    const before = {
      ...missed[0],
      id: `evt_test_${randomBytes(6).toString('hex')}`,
      created: start - 10,
    };

    platform.stripe.addEvents(delivered, ...missed, ...fillers, before);

    return { delivered, missed };
  }

  it('applies what the webhook missed, oldest first, skipping what it had, page after page', async () => {
    const gym = await paidGym(platform);
    const start = unixSecondsFromNow(-50);
    const { delivered } = outage(gym, start);
    await platform.deliver(delivered).expect(200);

    const answer = await replay(iso(start)).expect(200);

    expect(answer.body).toEqual({
      since: iso(start),
      listed: 3 + FILLERS,
      processed: 2,
      ignored: FILLERS,
      duplicate: 1,
      failed: 0,
      failures: [],
    });
    const view = await platform.wizardHttp.get(`/gyms/${gym.gymId}`).set(gym.auth).expect(200);
    expect(view.body).toMatchObject({ planId: 'club_monthly', status: 'past_due' });
    await platform.waitForEmail(gym.owner.email, 'failed: please update your card');
    const pages = platform.stripe.requestsTo('GET', '/v1/events');
    expect(pages).toHaveLength(2);
    expect(pages[0].query).toMatchObject({ created: { gte: String(start) }, limit: '100' });
  });

  it('skips everything the second time', async () => {
    const gym = await paidGym(platform);
    const start = unixSecondsFromNow(-50);
    outage(gym, start);
    await replay(iso(start)).expect(200);

    const again = await replay(iso(start)).expect(200);

    expect(again.body).toMatchObject({ processed: 0, ignored: 0, duplicate: 3 + FILLERS });
  });

  it('is for platform admins only, and checks `since`', async () => {
    const owner = await platform.signUp();

    await replay(iso(unixSecondsFromNow(-60)), {
      authorization: `Bearer ${owner.token}`,
    }).expect(403);
    const vague = await replay('yesterday').expect(400);
    const future = await replay(iso(unixSecondsFromNow(3600))).expect(400);

    expect(JSON.stringify(vague.body.message)).toMatch(/since must be an ISO 8601 time/);
    expect(future.body.message).toMatch(/in the future/);
  });

  it('answers 503 when Stripe cannot list its events', async () => {
    platform.stripe.failNext('/v1/events', {
      status: 429,
      body: stripeApiError('rate_limited').body,
    });

    const answer = await replay(iso(unixSecondsFromNow(-60))).expect(503);

    expect(answer.body.message).toMatch(/Stripe's events could not be read/);
  });

  describe('npm run stripe:replay', () => {
    it('replays from --since with the Wizard configuration and prints the summary', async () => {
      const gym = await paidGym(platform);
      const start = unixSecondsFromNow(-50);
      outage(gym, start);
      const printed: string[] = [];

      const summary = await runReplay(
        ['--since', iso(start)],
        platform.wizardServiceEnv,
        (text) => printed.push(text),
        { logDestination: TestPlatform.logs },
      );

      expect(summary).toMatchObject({ listed: 3 + FILLERS, processed: 3, failed: 0 });
      expect(JSON.parse(printed.join(''))).toEqual(summary);
      const view = await platform.wizardHttp.get(`/gyms/${gym.gymId}`).set(gym.auth).expect(200);
      expect(view.body).toMatchObject({ planId: 'club_monthly', status: 'past_due' });
    });

    it('prints its usage for --help and refuses unknown options', async () => {
      const printed: string[] = [];

      await runReplay(['--help'], {}, (text) => printed.push(text));

      expect(printed.join('')).toContain('npm run stripe:replay -- --since <time>');
      await expect(runReplay(['--until', 'x'], {}, () => undefined)).rejects.toThrow(UsageError);
    });
  });
});
