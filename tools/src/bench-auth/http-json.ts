import { Agent, request } from 'node:http';

export interface JsonAnswer {
  status: number;
  body: string;
}

// A request that takes this long counts as failed, and the loop moves on.
const REQUEST_TIMEOUT_MS = 30_000;

/** Keep-alive sockets, at most one per request in flight. */
export function keepAliveAgent(concurrency: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: concurrency });
}

/** POSTs a JSON body to 127.0.0.1 only: the bench talks to nothing else. */
export function postJson(
  agent: Agent,
  port: number,
  path: string,
  body: string,
): Promise<JsonAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'bench-auth',
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
    outgoing.end(body);
  });
}
