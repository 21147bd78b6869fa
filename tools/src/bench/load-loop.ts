import { Agent, request } from 'node:http';
import type { WebhookDelivery } from './checkout-events';

export interface LoadTarget {
  port: number;
  path: string;
}

export interface LoadOptions {
  concurrency: number;
  /** The loop sends nothing new after this many milliseconds. */
  maxDurationMs: number;
}

export interface LoadResult {
  /** One entry per answered or failed request, in milliseconds. */
  latenciesMs: number[];
  durationMs: number;
  sent: number;
  /** Not a 200 with `outcome: processed`, or no answer at all. */
  errors: number;
  errorKinds: Map<string, number>;
  unsent: number;
}

interface Answer {
  status: number;
  body: string;
}

// A request that takes this long is an error, and the loop moves on.
const REQUEST_TIMEOUT_MS = 30_000;

/** Keeps `concurrency` requests in flight over keep-alive sockets until every delivery is sent. */
export async function deliverAll(
  target: LoadTarget,
  deliveries: WebhookDelivery[],
  options: LoadOptions,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const result: LoadResult = {
    latenciesMs: [],
    durationMs: 0,
    sent: 0,
    errors: 0,
    errorKinds: new Map(),
    unsent: 0,
  };
  const started = process.hrtime.bigint();
  const deadline = Date.now() + options.maxDurationMs;
  let next = 0;

  const worker = async (): Promise<void> => {
    while (next < deliveries.length && Date.now() < deadline) {
      const delivery = deliveries[next];
      next += 1;
      await deliverOne(agent, target, delivery, result);
    }
  };

  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  result.durationMs = elapsedMs(started);
  result.unsent = deliveries.length - result.sent;

  return result;
}

async function deliverOne(
  agent: Agent,
  target: LoadTarget,
  delivery: WebhookDelivery,
  result: LoadResult,
): Promise<void> {
  const started = process.hrtime.bigint();
  const problem = await post(agent, target, delivery).then(problemWith, (error: unknown) =>
    error instanceof Error ? error.message : String(error),
  );
  result.latenciesMs.push(elapsedMs(started));
  result.sent += 1;

  if (problem) {
    result.errors += 1;
    result.errorKinds.set(problem, (result.errorKinds.get(problem) ?? 0) + 1);
  }
}

/** Undefined for a fully processed event; otherwise what went wrong, short enough to count. */
function problemWith(answer: Answer): string | undefined {
  if (answer.status !== 200) {
    return `status ${answer.status}`;
  }

  let outcome: unknown;
  try {
    outcome = (JSON.parse(answer.body) as { outcome?: unknown }).outcome;
  } catch (error) {
    return `unreadable body (${(error as Error).name})`;
  }

  return outcome === 'processed' ? undefined : `outcome ${String(outcome)}`;
}

function post(agent: Agent, target: LoadTarget, delivery: WebhookDelivery): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: '127.0.0.1',
        port: target.port,
        path: target.path,
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': delivery.body.length,
          'stripe-signature': delivery.signature,
        },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
    outgoing.on('error', reject);
    outgoing.end(delivery.body);
  });
}

function elapsedMs(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}
