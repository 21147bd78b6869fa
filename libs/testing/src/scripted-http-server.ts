import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** One scripted answer; unset fields fall back to what the provider would say. */
export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as is when a string, as JSON otherwise. */
  body?: unknown;
  /** Waits this long before answering: longer than the client's timeout makes a timeout. */
  delayMs?: number;
  /** Closes the connection without answering (the client sees a reset). */
  dropConnection?: boolean;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/**
 * A provider's API on 127.0.0.1 for its real SDK to call: it records every request and answers
 * the scripted replies in order, then as the provider would. Subclasses say how a request is
 * recorded and what the provider answers.
 */
export abstract class ScriptedHttpServer<Recorded, Reply extends ScriptedReply = ScriptedReply> {
  readonly requests: Recorded[] = [];

  private script: Reply[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: Server = createServer((request, response) =>
    this.handle(request, response),
  );

  protected abstract record(request: IncomingMessage, body: string): Recorded;

  protected abstract answer(recorded: Recorded, reply: Reply): ScriptedAnswer;

  get baseUrl(): string {
    const { port } = this.server.address() as AddressInfo;

    return `http://127.0.0.1:${port}`;
  }

  /** The next requests get these replies, one each, in order; later ones the defaults. */
  respondWith(replies: Reply[]): this {
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

  protected async listen(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });

    return this;
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded = this.record(request, Buffer.concat(chunks).toString('utf8'));
      this.requests.push(recorded);
      this.reply(recorded, this.script.shift() ?? ({} as Reply), response);
    });
  }

  private reply(recorded: Recorded, reply: Reply, response: ServerResponse): void {
    if (reply.dropConnection) {
      response.socket?.destroy();

      return;
    }

    const send = () => {
      const { status, headers, body } = this.answer(recorded, reply);
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(body);
    };
    if (!reply.delayMs) {
      send();

      return;
    }

    const timer = setTimeout(() => {
      this.timers.delete(timer);
      send();
    }, reply.delayMs);
    this.timers.add(timer);
    response.on('close', () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    });
  }
}

/** The request's path, also when the client sent an absolute URL (proxy form). */
export function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://fake.invalid').pathname;
}
