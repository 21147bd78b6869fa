import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { fulfilCheckout, type CheckoutEvent } from './ceiling-fulfillment';
import { hasValidStripeSignature } from './stripe-signature';

/**
 * The ceiling of the webhook benchmark, run as its own process like the Wizard: node:http, the
 * same signature check and the same SQL, and nothing else. Started by bench-webhook.ts.
 */
const WEBHOOK_PATH = '/webhooks/stripe';
const TOLERANCE_SECONDS = 300;
const MAX_BODY_BYTES = 1024 * 1024;

function main(): void {
  const secret = requiredEnv('STRIPE_WEBHOOK_SECRET');
  // Pipelined like the Wizard's pool (libs/database), so that its Promise.all acts the same.
  const pool = new Pool({
    connectionString: requiredEnv('DATABASE_URL'),
    // The Wizard's DATABASE_POOL_SIZE in the same run.
    max: Number(requiredEnv('POOL_SIZE')),
    pipeline: true,
  });
  pool.on('error', (error) => process.stderr.write(`idle client failed: ${error.message}\n`));

  const server = createServer((req, res) => {
    route(req, res, pool, secret).catch((error: unknown) => {
      process.stderr.write(`request failed: ${(error as Error).message}\n`);
      answer(res, 500, { error: 'internal' });
    });
  });
  server.listen(Number(requiredEnv('PORT')), '127.0.0.1', () => process.stdout.write('ready\n'));

  process.once('SIGTERM', () => {
    server.close(() => {
      void pool.end().then(() => process.exit(0));
    });
    server.closeAllConnections();
  });
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  pool: Pool,
  secret: string,
): Promise<void> {
  if (req.method === 'GET' && req.url === '/health') {
    return answer(res, 200, { status: 'ok' });
  }
  if (req.method !== 'POST' || req.url !== WEBHOOK_PATH) {
    return answer(res, 404, { error: 'not found' });
  }

  const body = await readBody(req);
  if (!hasValidStripeSignature(body, headerOf(req), secret, TOLERANCE_SECONDS)) {
    return answer(res, 200, { received: true, outcome: 'rejected' });
  }

  const event = JSON.parse(body.toString('utf8')) as CheckoutEvent;
  answer(res, 200, { received: true, outcome: await fulfilCheckout(pool, event) });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy(new Error('body too large'));
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function headerOf(req: IncomingMessage): string | undefined {
  const value = req.headers['stripe-signature'];

  return Array.isArray(value) ? value[0] : value;
}

function answer(res: ServerResponse, status: number, body: object): void {
  if (res.headersSent) {
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }

  return value;
}

main();
