import {
  createServer,
  IncomingHttpHeaders,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { twilioAccountAnswer, twilioErrorAnswer, twilioMessageAnswer } from './twilio-answers';

/** One scripted answer. Unset fields fall back to what Twilio would say for the request. */
export interface FakeTwilioReply {
  status?: number;
  /** Sent as is when a string, as JSON otherwise. */
  body?: unknown;
  /** Waits this long before answering: longer than the client's timeout makes a timeout. */
  delayMs?: number;
  /** Closes the connection without answering (the client sees a reset). */
  dropConnection?: boolean;
}

export interface RecordedTwilioRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The form fields of a POST (To, From, Body ...). */
  form: URLSearchParams;
}

// Any prefix: a base URL may carry a path.
const MESSAGES_PATH = /\/2010-04-01\/Accounts\/(AC\w+)\/Messages\.json$/;
const ACCOUNT_PATH = /\/2010-04-01\/Accounts\/(AC\w+)\.json$/;

/**
 * A stand-in for api.twilio.com on 127.0.0.1 that the real twilio SDK reaches through
 * `apiBaseUrl: fake.baseUrl`. It records every request and answers from a script, then as
 * the Messages API would.
 */
export class FakeTwilioServer {
  readonly requests: RecordedTwilioRequest[] = [];

  private script: FakeTwilioReply[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeTwilioServer> {
    const server = createServer();
    const fake = new FakeTwilioServer(server);
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
  respondWith(replies: FakeTwilioReply[]): this {
    this.script.push(...replies);

    return this;
  }

  /** The bodies of the messages accepted for this recipient (E.164), oldest first. */
  messagesTo(to: string): string[] {
    return this.requests
      .filter((request) => MESSAGES_PATH.test(request.path) && request.form.get('To') === to)
      .map((request) => request.form.get('Body') ?? '');
  }

  /** Every Messages.json POST received, whatever was answered. */
  get messageRequests(): RecordedTwilioRequest[] {
    return this.requests.filter((request) => MESSAGES_PATH.test(request.path));
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
      const recorded: RecordedTwilioRequest = {
        method: request.method ?? 'GET',
        path: new URL(request.url ?? '/', 'http://fake.invalid').pathname,
        headers: request.headers,
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      };
      this.requests.push(recorded);
      this.reply(recorded, this.script.shift() ?? {}, response);
    });
  }

  private reply(request: RecordedTwilioRequest, reply: FakeTwilioReply, response: ServerResponse) {
    if (reply.dropConnection) {
      response.socket?.destroy();

      return;
    }

    const answer = () => {
      const [status, body] = answerFor(request, reply);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
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

function answerFor(request: RecordedTwilioRequest, reply: FakeTwilioReply): [number, unknown] {
  if (reply.status !== undefined || reply.body !== undefined) {
    return [reply.status ?? 200, reply.body ?? ''];
  }

  const message = MESSAGES_PATH.exec(request.path);
  if (message && request.method === 'POST') {
    return [201, twilioMessageAnswer(message[1], request.form)];
  }

  const account = ACCOUNT_PATH.exec(request.path);
  if (account && request.method === 'GET') {
    return [200, twilioAccountAnswer(account[1])];
  }

  return [404, twilioErrorAnswer(20404, 404, 'The requested resource was not found')];
}
