import { randomBytes } from 'node:crypto';

import type Stripe from 'stripe';

import type { StripeFormObject, StripeFormValue } from './stripe-form-encoding';

export interface FakeStripeResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const SESSION_LIFETIME_SECONDS = 24 * 60 * 60;
const DEFAULT_LIST_LIMIT = 10;
const MAX_LIST_LIMIT = 100;

export function fakeStripeId(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('hex')}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function ok(body: unknown): FakeStripeResponse {
  return { status: 200, body };
}

export function invalidRequest(message: string, code?: string, param?: string): FakeStripeResponse {
  return { status: 400, body: { error: { type: 'invalid_request_error', code, message, param } } };
}

export function text(value: StripeFormValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

export function object(value: StripeFormValue | undefined): StripeFormObject {
  return value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

export function createCheckoutSession(
  params: StripeFormObject,
  baseUrl: string,
): FakeStripeResponse {
  if (!params.mode) {
    return invalidRequest('Missing required param: mode.', 'parameter_missing', 'mode');
  }
  if (params.mode !== 'payment' && !Array.isArray(params.line_items)) {
    return invalidRequest('Missing required param: line_items.', 'parameter_missing', 'line_items');
  }

  const id = fakeStripeId('cs_test_');
  const created = nowSeconds();

  return ok({
    id,
    object: 'checkout.session',
    livemode: false,
    created,
    expires_at: created + SESSION_LIFETIME_SECONDS,
    mode: params.mode,
    ui_mode: 'hosted',
    status: 'open',
    payment_status: 'unpaid',
    url: `${baseUrl}/pay/${id}`,
    client_reference_id: text(params.client_reference_id),
    customer: null,
    customer_email: text(params.customer_email),
    metadata: object(params.metadata),
    success_url: text(params.success_url),
    cancel_url: text(params.cancel_url),
    subscription: null,
    payment_intent: null,
  });
}

function matchesCreated(created: number, filter: StripeFormValue | undefined): boolean {
  if (typeof filter === 'string') {
    return created === Number(filter);
  }

  const { gt, gte, lt, lte } = object(filter);

  return (
    (gt === undefined || created > Number(gt)) &&
    (gte === undefined || created >= Number(gte)) &&
    (lt === undefined || created < Number(lt)) &&
    (lte === undefined || created <= Number(lte))
  );
}

function matchesType(type: string, query: StripeFormObject): boolean {
  const wanted = [query.type, ...(Array.isArray(query.types) ? query.types : [])].filter(
    (value): value is string => typeof value === 'string',
  );

  // Stripe accepts one trailing wildcard: `checkout.session.*`.
  return (
    wanted.length === 0 ||
    wanted.some((w) => (w.endsWith('*') ? type.startsWith(w.slice(0, -1)) : type === w))
  );
}

/** GET /v1/events: newest first, `created[...]`, `type`/`types[]`, `limit`, `starting_after`. */
export function listEvents(events: Stripe.Event[], query: StripeFormObject): FakeStripeResponse {
  const limit = Math.min(Number(query.limit ?? DEFAULT_LIST_LIMIT), MAX_LIST_LIMIT);
  let matching = events
    .filter((event) => matchesCreated(event.created, query.created))
    .filter((event) => matchesType(event.type, query))
    .sort((a, b) => b.created - a.created);

  const after = text(query.starting_after);
  if (after) {
    const cursor = matching.findIndex((event) => event.id === after);
    if (cursor === -1) {
      return invalidRequest(`No such event: '${after}'`, 'resource_missing', 'starting_after');
    }
    matching = matching.slice(cursor + 1);
  }

  return ok({
    object: 'list',
    url: '/v1/events',
    has_more: matching.length > limit,
    data: matching.slice(0, limit),
  });
}

/** GET /v1/invoices/:id; `payments` is includable, so it is there only when expanded. */
export function retrieveInvoice(
  invoices: ReadonlyMap<string, Stripe.Invoice>,
  id: string,
  query: StripeFormObject,
): FakeStripeResponse {
  const invoice = invoices.get(id);
  if (!invoice) {
    return { ...invalidRequest(`No such invoice: '${id}'`, 'resource_missing', 'id'), status: 404 };
  }

  const expand = Array.isArray(query.expand) ? query.expand : [];
  if (expand.includes('payments')) {
    return ok(invoice);
  }

  return ok({ ...invoice, payments: undefined });
}

export function balance(): FakeStripeResponse {
  return ok({ object: 'balance', livemode: false, available: [], pending: [] });
}
