import { IncomingHttpHeaders, IncomingMessage, STATUS_CODES } from 'node:http';
import { mailjetRequestErrorAnswer, mailjetSendSuccessText } from './mailjet-answers';
import { pathOf, ScriptedAnswer, ScriptedHttpServer, ScriptedReply } from './scripted-http-server';

/** One scripted answer. Unset fields fall back to what Mailjet would say for the request. */
export type FakeMailjetReply = ScriptedReply;

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
export class FakeMailjetServer extends ScriptedHttpServer<RecordedMailjetRequest> {
  static start(): Promise<FakeMailjetServer> {
    return new FakeMailjetServer().listen();
  }

  protected record(request: IncomingMessage, body: string): RecordedMailjetRequest {
    return {
      method: request.method ?? 'GET',
      path: pathOf(request),
      target: request.url ?? '/',
      headers: request.headers,
      body: parseBody(body),
    };
  }

  protected answer(request: RecordedMailjetRequest, reply: FakeMailjetReply): ScriptedAnswer {
    const status = reply.status ?? 200;

    return { status, headers: reply.headers, body: bodyText(request, status, reply.body) };
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
