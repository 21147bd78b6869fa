import { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { pathOf, ScriptedAnswer, ScriptedHttpServer, ScriptedReply } from './scripted-http-server';
import { twilioAccountAnswer, twilioErrorAnswer, twilioMessageAnswer } from './twilio-answers';

/** One scripted answer. Unset fields fall back to what Twilio would say for the request. */
export type FakeTwilioReply = ScriptedReply;

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
export class FakeTwilioServer extends ScriptedHttpServer<RecordedTwilioRequest> {
  static start(): Promise<FakeTwilioServer> {
    return new FakeTwilioServer().listen();
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

  protected record(request: IncomingMessage, body: string): RecordedTwilioRequest {
    return {
      method: request.method ?? 'GET',
      path: pathOf(request),
      headers: request.headers,
      form: new URLSearchParams(body),
    };
  }

  protected answer(request: RecordedTwilioRequest, reply: FakeTwilioReply): ScriptedAnswer {
    const [status, body] = answerFor(request, reply);

    return {
      status,
      headers: reply.headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    };
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
