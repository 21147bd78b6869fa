import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import type Stripe from 'stripe';

export interface StripeFixtureOverrides {
  /** The top-level `id` of an event fixture. */
  eventId?: string;
  /** Replaces the placeholder gym (`gym_0001`, ...) in every `gym_id` and `client_reference_id`. */
  gymId?: string;
  /** The top-level `created` (the event's, or the object's for a bare object fixture). */
  created?: number;
  /** The id of what the fixture is about (an event's `data.object`), and every reference to it. */
  objectId?: string;
  /** Any placeholder id to a test id, wherever that exact string appears. */
  ids?: Record<string, string>;
}

/** A Stripe error answer from api_errors.json, ready for FakeStripeServer.failNext. */
export interface StripeApiErrorFixture {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const GYM_ID_KEYS = new Set(['gym_id', 'client_reference_id']);
const PLACEHOLDER_GYM = /^gym_\d{4}$/;

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`No package.json above ${__dirname}: cannot find the repo root.`);
    }
    dir = parent;
  }

  return dir;
}

/** STRIPE_FIXTURES_DIR when set, else shared/ beside the repo root (the same here and in CI). */
export function stripeFixturesDir(): string {
  const fixturesDir =
    process.env.STRIPE_FIXTURES_DIR ?? resolve(repoRoot(), '../shared/fixtures/stripe');
  if (!existsSync(fixturesDir)) {
    throw new Error(`Stripe fixtures not found in ${fixturesDir}; set STRIPE_FIXTURES_DIR.`);
  }

  return fixturesDir;
}

function readFixture(name: string): Json {
  const file = join(stripeFixturesDir(), name.endsWith('.json') ? name : `${name}.json`);

  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

function replaceValues(value: Json, ids: Record<string, string>, gymId?: string, key = ''): Json {
  if (Array.isArray(value)) {
    return value.map((item) => replaceValues(item, ids, gymId));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, replaceValues(v, ids, gymId, k)]),
    );
  }
  if (typeof value !== 'string') {
    return value;
  }
  if (gymId && GYM_ID_KEYS.has(key) && PLACEHOLDER_GYM.test(value)) {
    return gymId;
  }

  return Object.hasOwn(ids, value) ? ids[value] : value;
}

/** What the fixture is about: an event's `data.object`, or a bare object itself. */
function subjectIdOf(fixture: JsonObject): string | undefined {
  const subject =
    fixture.object === 'event' ? ((fixture.data as JsonObject).object as JsonObject) : fixture;

  return typeof subject.id === 'string' ? subject.id : undefined;
}

/**
 * A fresh copy of a fixture from shared/fixtures/stripe (name with or without `.json`), with the
 * placeholders swapped for the test's own values. Sign JSON.stringify of the result.
 */
export function stripeFixture<T = Stripe.Event>(
  name: string,
  overrides: StripeFixtureOverrides = {},
): T {
  const fixture = readFixture(name) as JsonObject;
  const ids = { ...overrides.ids };
  const subjectId = subjectIdOf(fixture);
  if (overrides.objectId && subjectId) {
    ids[subjectId] = overrides.objectId;
  }

  const result = replaceValues(fixture, ids, overrides.gymId) as JsonObject;
  if (overrides.eventId) {
    result.id = overrides.eventId;
  }
  if (overrides.created !== undefined) {
    result.created = overrides.created;
  }

  return result as T;
}

/** One named error from api_errors.json (card_declined, rate_limited, ...). */
export function stripeApiError(name: string): StripeApiErrorFixture {
  const errors = readFixture('api_errors') as Record<string, Json>;
  if (!Object.hasOwn(errors, name)) {
    throw new Error(`No Stripe API error "${name}"; known: ${Object.keys(errors).join(', ')}.`);
  }

  return errors[name] as unknown as StripeApiErrorFixture;
}
