import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type Stripe from 'stripe';

import { stripeApiError, stripeFixture, stripeFixturesDir } from './stripe-fixtures';

type Session = Stripe.Checkout.Session;

describe('stripeFixture', () => {
  it('loads a fixture by name, with or without .json', () => {
    const event = stripeFixture('checkout.session.completed.paid');

    expect(event.id).toBe('evt_test_CSC_paid_0001');
    expect(stripeFixture('checkout.session.completed.paid.json')).toEqual(event);
  });

  it('replaces the event id, gym, created time and object id', () => {
    const event = stripeFixture('checkout.session.completed.paid', {
      eventId: 'evt_spec_01',
      gymId: 'gym_spec_01',
      created: 1800000000,
      objectId: 'cs_test_spec_01',
    });
    const session = event.data.object as Session;

    expect(event).toMatchObject({ id: 'evt_spec_01', created: 1800000000 });
    expect(session).toMatchObject({
      id: 'cs_test_spec_01',
      client_reference_id: 'gym_spec_01',
      metadata: { gym_id: 'gym_spec_01', plan: 'studio_monthly' },
    });
  });

  it('replaces the gym wherever a gym_id sits, and any id everywhere it is referenced', () => {
    const event = stripeFixture('invoice.payment_failed', {
      gymId: 'gym_spec_02',
      ids: { sub_TestGym0001: 'sub_spec_02' },
    });

    const text = JSON.stringify(event);
    expect(text).not.toContain('gym_0001');
    expect(text).not.toContain('sub_TestGym0001');
    expect(text.match(/gym_spec_02/g)).toHaveLength(2);
    expect(text).toContain('"subscription":"sub_spec_02"');
  });

  it('replaces the id of a bare object fixture', () => {
    const refund = stripeFixture<Stripe.Refund>('refund.object.succeeded', {
      objectId: 're_spec_01',
      gymId: 'gym_spec_03',
    });

    expect(refund).toMatchObject({ id: 're_spec_01', metadata: { gym_id: 'gym_spec_03' } });
  });

  it('returns a fresh copy each time', () => {
    const first = stripeFixture('customer.subscription.deleted');
    first.id = 'evt_changed';

    expect(stripeFixture('customer.subscription.deleted').id).not.toBe('evt_changed');
  });
});

describe('stripeApiError', () => {
  it('gives status, headers and body from api_errors.json', () => {
    expect(stripeApiError('rate_limited')).toMatchObject({
      status: 429,
      headers: { 'Stripe-Should-Retry': 'true' },
      body: { error: { code: 'rate_limit' } },
    });
  });

  it('names the known errors when asked for an unknown one', () => {
    expect(() => stripeApiError('nope')).toThrow(/known: .*card_declined/);
  });
});

describe('stripeFixturesDir', () => {
  const original = process.env.STRIPE_FIXTURES_DIR;

  afterEach(() => {
    if (original === undefined) {
      delete process.env.STRIPE_FIXTURES_DIR;
    } else {
      process.env.STRIPE_FIXTURES_DIR = original;
    }
  });

  it('finds shared/fixtures/stripe beside the repo root', () => {
    delete process.env.STRIPE_FIXTURES_DIR;

    expect(stripeFixturesDir()).toMatch(/shared[/\\]fixtures[/\\]stripe$/);
  });

  it('uses STRIPE_FIXTURES_DIR when it is set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stripe-fixtures-'));
    try {
      writeFileSync(join(dir, 'custom.json'), JSON.stringify({ id: 'evt_custom' }));
      process.env.STRIPE_FIXTURES_DIR = dir;

      expect(stripeFixture('custom').id).toBe('evt_custom');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says where it looked when the folder is missing', () => {
    process.env.STRIPE_FIXTURES_DIR = join(tmpdir(), 'no-such-stripe-fixtures');

    expect(() => stripeFixturesDir()).toThrow(/no-such-stripe-fixtures.*STRIPE_FIXTURES_DIR/);
  });
});
