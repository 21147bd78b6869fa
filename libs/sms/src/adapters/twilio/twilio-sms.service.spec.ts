import { SmsFailureKind } from '../../sms-delivery.error';
import {
  FakeTwilioServer,
  freePort as closedPort,
  rejectionOf,
  twilioErrorAnswer,
} from '@app/testing';
import { SmsDeliveryError } from '../../sms-delivery.error';

const smsFailureOf = (promise: Promise<unknown>) => rejectionOf(promise, SmsDeliveryError);
import { TwilioSmsConfig } from './twilio-sms.config';
import { TwilioSmsService } from './twilio-sms.service';

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'twilio-test-token-5c9e1f0a7b3d';
const FROM = '+4915700000001';
const TO = '+4915123456789';

describe('TwilioSmsService through the real SDK', () => {
  let fake: FakeTwilioServer;

  const service = (overrides: Partial<TwilioSmsConfig> = {}) =>
    new TwilioSmsService({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      fromNumber: FROM,
      apiBaseUrl: fake.baseUrl,
      timeoutMs: 2000,
      ...overrides,
    });

  beforeAll(async () => {
    fake = await FakeTwilioServer.start();
  });

  afterEach(() => fake.reset());

  afterAll(() => fake.close());

  it('posts one message with basic auth, in E.164, and returns its SID', async () => {
    const result = await service().send({ to: '+49 151 2345-6789', body: 'Your code: 123456' });

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    const credentials = Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64');
    expect(request.headers.authorization).toBe(`Basic ${credentials}`);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(request.form)).toEqual({
      To: TO,
      From: FROM,
      Body: 'Your code: 123456',
    });
    expect(result).toEqual({
      provider: 'twilio',
      providerMessageId: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      to: TO,
    });
  });

  it('keeps a path prefix of the base URL', async () => {
    await service({ apiBaseUrl: `${fake.baseUrl}/twilio/` }).send({ to: TO, body: 'x' });

    expect(fake.requests[0].path).toBe(`/twilio/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
  });

  const cases: Array<[string, number, number | undefined, SmsFailureKind]> = [
    ['an invalid To number', 400, 21211, 'invalid_number'],
    ['a number that is not a mobile', 400, 21614, 'invalid_number'],
    ['an opted-out recipient', 400, 21610, 'opted_out'],
    ['a region without permission', 400, 21408, 'region_not_allowed'],
    ['too many requests', 429, 20429, 'rate_limited'],
    ['a bare 429', 429, undefined, 'rate_limited'],
    ['a bad auth token', 401, 20003, 'config'],
    ['a From number of another account', 400, 21606, 'config'],
    ['a server error', 500, 20500, 'unavailable'],
    ['an unmapped refusal', 400, 21602, 'rejected'],
  ];

  it.each(cases)('maps %s (HTTP %i, code %s) to %s', async (_what, status, code, kind) => {
    const body =
      code === undefined
        ? { status, message: 'Too Many Requests' }
        : twilioErrorAnswer(code, status, `The 'To' number ${TO} failed (${AUTH_TOKEN})`);
    fake.respondWith([{ status, body }]);

    const error = await smsFailureOf(service().send({ to: TO, body: 'Your code: 123456' }));

    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.providerCode).toBe(code);
    expect(error.message).toContain(`HTTP ${status}`);
    expectNothingSecretIn(error);
  });

  it('does not retry a 429: the caller decides', async () => {
    fake.respondWith([{ status: 429, body: twilioErrorAnswer(20429, 429, 'Too Many Requests') }]);

    await smsFailureOf(service().send({ to: TO, body: 'x' }));

    expect(fake.requests).toHaveLength(1);
  });

  it('reports a refused connection as unavailable, without the token', async () => {
    const port = await closedPort();

    const error = await smsFailureOf(
      service({ apiBaseUrl: `http://127.0.0.1:${port}` }).send({ to: TO, body: 'x' }),
    );

    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe('Twilio could not be reached (ECONNREFUSED)');
    expectNothingSecretIn(error);
  });

  it('reports a timeout as unavailable', async () => {
    fake.respondWith([{ delayMs: 1000 }]);

    const error = await smsFailureOf(service({ timeoutMs: 100 }).send({ to: TO, body: 'x' }));

    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/did not answer in time/);
    expectNothingSecretIn(error);
  });

  it('refuses a recipient that is no phone number before calling Twilio', async () => {
    const error = await smsFailureOf(service().send({ to: '12', body: 'x' }));

    expect(error.kind).toBe('invalid_number');
    expect(fake.requests).toHaveLength(0);
  });

  it('prints nothing to the console, whatever TWILIO_LOG_LEVEL says', async () => {
    const before = process.env.TWILIO_LOG_LEVEL;
    process.env.TWILIO_LOG_LEVEL = 'debug';
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);

    try {
      await service().send({ to: TO, body: 'x' });
      fake.respondWith([{ status: 401, body: twilioErrorAnswer(20003, 401, 'Authenticate') }]);
      await smsFailureOf(service().send({ to: TO, body: 'x' }));

      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
      if (before === undefined) {
        delete process.env.TWILIO_LOG_LEVEL;
      } else {
        process.env.TWILIO_LOG_LEVEL = before;
      }
    }
  });

  it('checks its health with an account GET that sends nothing', async () => {
    await expect(service().healthCheck()).resolves.toEqual({ ok: true });
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /2010-04-01/Accounts/${ACCOUNT_SID}.json`,
    ]);

    fake.respondWith([{ status: 401, body: twilioErrorAnswer(20003, 401, AUTH_TOKEN) }]);
    const health = await service().healthCheck();

    expect(health.ok).toBe(false);
    expect(health.detail).toMatch(/credentials/);
    expect(health.detail).not.toContain(AUTH_TOKEN);
  });
});

function expectNothingSecretIn(error: Error): void {
  const credentials = Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64');
  const everything = [error.message, String(error.stack), JSON.stringify(error), String(error)];

  for (const text of everything) {
    expect(text).not.toContain(AUTH_TOKEN);
    expect(text).not.toContain(credentials);
    expect(text).not.toContain(TO.slice(3));
  }
  expect(error.cause).toBeUndefined();
}
