import {
  createServer,
  IncomingHttpHeaders,
  IncomingMessage,
  Server,
  ServerResponse,
  STATUS_CODES,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { mailjetRequestErrorAnswer, mailjetSendSuccessText } from './mailjet-answers';

/** One scripted answer. Unset fields fall back to what Mailjet would say for the request. */
export interface FakeMailjetReply {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as is when a string, as JSON otherwise. */
  body?: unknown;
  /** Waits this long before answering: longer than the client's timeout makes a timeout. */
  delayMs?: number;
  /** Closes the connection without answering (the client sees a reset). */
  dropConnection?: boolean;
}

export interface RecordedMailjetRequest {
  method: string;
  /** The path, also when the client sent an absolute URL (proxy form). */
  path: string;
  /** The request target exactly as received. */
  target: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
}

/**
 * A stand-in for the Mailjet API on 127.0.0.1 that the real node-mailjet SDK reaches through
 * `baseUrl: fake.baseUrl`. It records every request and answers from a script, then like
 * Mailjet's Send API v3.1 would.
 */
export class FakeMailjetServer {
  readonly requests: RecordedMailjetRequest[] = [];

  private script: FakeMailjetReply[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeMailjetServer> {
    const server = createServer();
    const fake = new FakeMailjetServer(server);
    server.on('request', (request, response) => fake.handle(request, response));

    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });

    return fake;
  }

  get baseUrl(): string {
    const { port } = this.server.address() as AddressInfo;

    return `http://127.0.0.1:${port}`;
  }

  /** The next requests get these replies, one each, in order; later ones the defaults. */
  respondWith(replies: FakeMailjetReply[]): this {
    this.script.push(...replies);

    return this;
  }

  reset(): void {
    this.requests.length = 0;
    this.script = [];
  }

  async close(): Promise<void> {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
    this.server.closeAllConnections();

    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded = this.record(request, Buffer.concat(chunks).toString('utf8'));
      this.reply(recorded, this.script.shift() ?? {}, response);
    });
  }

  private record(request: IncomingMessage, text: string): RecordedMailjetRequest {
    const target = request.url ?? '/';
    const recorded: RecordedMailjetRequest = {
      method: request.method ?? 'GET',
      path: new URL(target, 'http://fake.invalid').pathname,
      target,
      headers: request.headers,
      body: parseBody(text),
    };
    this.requests.push(recorded);

    return recorded;
  }

  private reply(
    request: RecordedMailjetRequest,
    reply: FakeMailjetReply,
    response: ServerResponse,
  ): void {
    if (reply.dropConnection) {
      response.socket?.destroy();

      return;
    }

    const answer = () => {
      const status = reply.status ?? 200;
      response.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
      response.end(bodyText(request, status, reply.body));
    };
    if (!reply.delayMs) {
      answer();

      return;
    }

    const timer = setTimeout(() => {
      this.timers.delete(timer);
      answer();
    }, reply.delayMs);
    this.timers.add(timer);
    response.on('close', () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    });
  }
}

function bodyText(request: RecordedMailjetRequest, status: number, body: unknown): string {
  if (typeof body === 'string') {
    return body;
  }
  if (body !== undefined) {
    return JSON.stringify(body);
  }
  if (status >= 400) {
    return JSON.stringify(mailjetRequestErrorAnswer(status, STATUS_CODES[status] ?? 'Error'));
  }
  if (request.path.endsWith('/send')) {
    return mailjetSendSuccessText(request.body);
  }

  return JSON.stringify({ Count: 1, Data: [{ ID: 1, Username: 'fake-mailjet' }], Total: 1 });
}

function parseBody(text: string): unknown {
  if (text === '') {
    return undefined;
  }

  try {
    return JSON.parse(text);
  } catch (error: unknown) {
    // Tests assert on what the client sent: text that is not JSON is kept as it came.
    if (error instanceof SyntaxError) {
      return text;
    }
    throw error;
  }
}
