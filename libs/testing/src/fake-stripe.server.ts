import { createServer, IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';

import type Stripe from 'stripe';

import { FakeStripeCharge, FakeStripeRefunds } from './fake-stripe.refunds';
import {
  balance,
  createCheckoutSession,
  fakeStripeId,
  FakeStripeResponse,
  invalidRequest,
  listEvents,
  retrieveInvoice,
} from './fake-stripe.resources';
import { parseStripeForm, StripeFormObject } from './stripe-form-encoding';

export interface RecordedStripeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  query: StripeFormObject;
  body: StripeFormObject;
}

/** A scripted answer; `stripeApiError('card_declined')` gives one from api_errors.json. */
export interface FakeStripeFailure {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface IdempotentResult {
  method: string;
  path: string;
  body: StripeFormObject;
  response: FakeStripeResponse;
}

const TEST_KEY = /^Bearer (sk|rk)_test_\S+$/;

const UNAUTHORIZED: FakeStripeResponse = {
  status: 401,
  body: {
    error: {
      type: 'invalid_request_error',
      message: 'The fake Stripe server takes test keys only (sk_test_ or rk_test_).',
    },
  },
};

function idempotencyConflict(key: string): FakeStripeResponse {
  return {
    status: 400,
    body: {
      error: {
        type: 'idempotency_error',
        message:
          'Keys for idempotent requests can only be used with the same parameters they were ' +
          `first used with. Try using a key other than '${key}' if you meant to execute a ` +
          'different request.',
      },
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Stripe's API on 127.0.0.1 for the real SDK (point `apiBaseUrl` at `baseUrl`). It records every
 * request, replays idempotent POSTs, and answers scripted failures first.
 *
 * Scripted failures are not stored under the idempotency key: they stand for failures before
 * Stripe acted (a 503 at the edge), so the SDK's retry with the same key can succeed.
 */
export class FakeStripeServer {
  private readonly server = createServer(
    (request, response) => void this.handle(request, response),
  );
  private recorded: RecordedStripeRequest[] = [];
  private failures = new Map<string, FakeStripeFailure[]>();
  private idempotent = new Map<string, IdempotentResult>();
  private events: Stripe.Event[] = [];
  private readonly invoices = new Map<string, Stripe.Invoice>();
  private readonly refunds = new FakeStripeRefunds();

  private constructor() {}

  static async start(): Promise<FakeStripeServer> {
    const fake = new FakeStripeServer();

    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(0, '127.0.0.1', resolve);
    });

    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get requests(): readonly RecordedStripeRequest[] {
    return this.recorded;
  }

  requestsTo(method: string, path: string): RecordedStripeRequest[] {
    return this.recorded.filter((r) => r.method === method && r.path === path);
  }

  /** The next request to `path` (`/v1/refunds`) gets this answer; call again to queue more. */
  failNext(path: string, failure: FakeStripeFailure): void {
    this.failures.set(path, [...(this.failures.get(path) ?? []), failure]);
  }

  /** Events for GET /v1/events, in any order. */
  addEvents(...events: Stripe.Event[]): void {
    this.events.push(...events);
  }

  /** Invoices for GET /v1/invoices/:id; put `payments` on one to answer `expand[]=payments`. */
  addInvoices(...invoices: Stripe.Invoice[]): void {
    for (const invoice of invoices) {
      this.invoices.set(invoice.id, invoice);
    }
  }

  /** A charge that refunds are checked against: what is left, disputed or not. */
  addCharge(charge: FakeStripeCharge): void {
    this.refunds.addCharge(charge);
  }

  /** A charge as the fake now holds it (refunded amount included), by charge or intent id. */
  charge(id: string): Readonly<Required<FakeStripeCharge>> | undefined {
    return this.refunds.charge(id);
  }

  reset(): void {
    this.recorded = [];
    this.failures.clear();
    this.idempotent.clear();
    this.events = [];
    this.invoices.clear();
    this.refunds.clear();
  }

  async close(): Promise<void> {
    // The SDK keeps sockets alive; without this, close() waits for them and Jest sees open handles.
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const url = new URL(request.url ?? '/', this.baseUrl);
      const recorded: RecordedStripeRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        headers: request.headers,
        query: parseStripeForm(url.search.slice(1)),
        body: parseStripeForm(await readBody(request)),
      };
      this.recorded.push(recorded);

      this.send(response, this.answer(recorded));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.send(response, {
        status: 500,
        body: { error: { type: 'api_error', message: `Fake Stripe failed: ${message}` } },
      });
    }
  }

  private answer(request: RecordedStripeRequest): FakeStripeResponse {
    const failure = this.failures.get(request.path)?.shift();
    if (failure) {
      return failure;
    }
    if (request.path.startsWith('/pay/')) {
      return { status: 200, body: { fakeCheckoutPage: request.path.slice('/pay/'.length) } };
    }
    if (!TEST_KEY.test(request.headers.authorization ?? '')) {
      return UNAUTHORIZED;
    }

    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string') {
      return this.route(request);
    }

    return this.answerIdempotently(key, request);
  }

  private answerIdempotently(key: string, request: RecordedStripeRequest): FakeStripeResponse {
    const earlier = this.idempotent.get(key);
    if (!earlier) {
      const response = this.route(request);
      // As Stripe: a request refused before it ran (a 4xx) leaves the key unused.
      if (response.status < 400) {
        this.idempotent.set(key, {
          method: request.method,
          path: request.path,
          body: request.body,
          response,
        });
      }

      return response;
    }

    const sameRequest =
      earlier.method === request.method &&
      earlier.path === request.path &&
      isDeepStrictEqual(earlier.body, request.body);
    if (!sameRequest) {
      return idempotencyConflict(key);
    }

    return {
      ...earlier.response,
      headers: { ...earlier.response.headers, 'Idempotent-Replayed': 'true' },
    };
  }

  private route({ method, path, body, query }: RecordedStripeRequest): FakeStripeResponse {
    const invoiceId = /^\/v1\/invoices\/([^/]+)$/.exec(path)?.[1];
    if (method === 'GET' && invoiceId) {
      return retrieveInvoice(this.invoices, decodeURIComponent(invoiceId), query);
    }

    switch (`${method} ${path}`) {
      case 'POST /v1/checkout/sessions':
        return createCheckoutSession(body, this.baseUrl);
      case 'POST /v1/refunds':
        return this.refunds.create(body);
      case 'GET /v1/events':
        return listEvents(this.events, query);
      case 'GET /v1/balance':
        return balance();
      default:
        return {
          ...invalidRequest(`Unrecognized request URL (${method}: ${path}).`),
          status: 404,
        };
    }
  }

  private send(response: ServerResponse, { status, body, headers }: FakeStripeResponse): void {
    response.writeHead(status, {
      ...headers,
      'Content-Type': 'application/json',
      'Request-Id': fakeStripeId('req_'),
    });
    response.end(JSON.stringify(body));
  }
}
