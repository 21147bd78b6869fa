import { EmailMessage } from '../../email.interface';
import {
  FakeMailjetServer,
  freePort as closedPort,
  mailjetMessageErrorAnswer,
  mailjetRequestErrorAnswer,
  rejectionOf,
} from '@app/testing';
import { EmailDeliveryError } from '../../email-delivery.error';

const deliveryFailureOf = (promise: Promise<unknown>) => rejectionOf(promise, EmailDeliveryError);
import { MailjetEmailConfig } from './mailjet-email.config';
import { MailjetEmailService } from './mailjet-email.service';

const API_KEY = 'mj-test-key-4f1c9a';
const API_SECRET = 'mj-test-secret-7be2d0';

const message: EmailMessage = {
  to: 'owner@example.test',
  subject: 'Activate your gym',
  text: 'Open the link',
  html: '<p>Open the link</p>',
  customId: 'outbox-42',
};

describe('MailjetEmailService through the real SDK', () => {
  let fake: FakeMailjetServer;

  const service = (overrides: Partial<MailjetEmailConfig> = {}) =>
    new MailjetEmailService({
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      fromEmail: 'noreply@gym.example.test',
      fromName: 'Gym Platform',
      baseUrl: fake.baseUrl,
      timeoutMs: 2000,
      ...overrides,
    });

  beforeAll(async () => {
    fake = await FakeMailjetServer.start();
  });

  afterEach(() => fake.reset());

  afterAll(() => fake.close());

  it('posts one v3.1 message with basic auth and returns its MessageUUID', async () => {
    const result = await service().send(message);

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v3.1/send');
    const credentials = Buffer.from(`${API_KEY}:${API_SECRET}`).toString('base64');
    expect(request.headers.authorization).toBe(`Basic ${credentials}`);
    expect(request.body).toEqual({
      Messages: [
        {
          From: { Email: 'noreply@gym.example.test', Name: 'Gym Platform' },
          To: [{ Email: 'owner@example.test' }],
          Subject: 'Activate your gym',
          TextPart: 'Open the link',
          HTMLPart: '<p>Open the link</p>',
          CustomID: 'outbox-42',
        },
      ],
    });
    expect(result.provider).toBe('mailjet');
    expect(result.providerMessageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the MessageUUID, not the MessageID that exceeds 2^53', async () => {
    fake.respondWith([
      {
        body:
          '{"Messages":[{"Status":"success","CustomID":"outbox-42","To":[{"Email":' +
          '"owner@example.test","MessageUUID":"5e4f-uuid","MessageID":1152921520000000123,' +
          '"MessageHref":"https://api.mailjet.com/v3/REST/message/1152921520000000123"}]}]}',
      },
    ]);

    await expect(service().send(message)).resolves.toEqual({
      provider: 'mailjet',
      providerMessageId: '5e4f-uuid',
    });
  });

  it('treats a 200 that holds a per-message error as permanent', async () => {
    fake.respondWith([
      {
        status: 200,
        body: mailjetMessageErrorAnswer({ StatusCode: 400, ErrorMessage: 'Invalid email' }),
      },
    ]);

    const error = await deliveryFailureOf(service().send(message));

    expect(error.kind).toBe('permanent');
    expect(error.status).toBe(400);
    expect(error.message).toContain('Invalid email');
  });

  it('treats a 400 that rejects the recipient as permanent', async () => {
    fake.respondWith([
      {
        status: 400,
        body: mailjetMessageErrorAnswer({
          StatusCode: 400,
          ErrorCode: 'send-0003',
          ErrorMessage: 'At least "HTMLPart", "TextPart" or "TemplateID" must be provided.',
        }),
      },
    ]);

    const error = await deliveryFailureOf(service().send(message));

    expect(error.kind).toBe('permanent');
    expect(error.message).toMatch(/^Mailjet answered 400: At least/);
    expect(error.message).toContain('ErrorIdentifier');
  });

  it('treats a bad key (401) as permanent and never echoes the key or the secret', async () => {
    const refusal = 'API key authentication/authorization failure.';
    fake.respondWith([{ status: 401, body: mailjetRequestErrorAnswer(401, refusal) }]);

    const error = await deliveryFailureOf(service().send(message));

    expect(error.kind).toBe('permanent');
    expect(error.status).toBe(401);
    expect(error.message).toContain(refusal);
    const everything = [
      error.message,
      String(error),
      error.stack ?? '',
      JSON.stringify(error),
      JSON.stringify(Object.getOwnPropertyDescriptors(error)),
    ].join('\n');
    const basic = Buffer.from(`${API_KEY}:${API_SECRET}`).toString('base64');
    for (const secret of [API_KEY, API_SECRET, basic]) {
      expect(everything).not.toContain(secret);
    }
    expect(error.cause).toBeUndefined();
  });

  it('treats 403 as permanent', async () => {
    fake.respondWith([{ status: 403 }]);

    await expect(deliveryFailureOf(service().send(message))).resolves.toMatchObject({
      kind: 'permanent',
      status: 403,
    });
  });

  it('reads Retry-After seconds on a 429', async () => {
    fake.respondWith([{ status: 429, headers: { 'retry-after': '2' } }]);

    const error = await deliveryFailureOf(service().send(message));

    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000, status: 429 });
  });

  it('reads a Retry-After date on a 429', async () => {
    const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
    fake.respondWith([{ status: 429, headers: { 'retry-after': inOneMinute } }]);

    const error = await deliveryFailureOf(service().send(message));

    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBeGreaterThan(55_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('treats a 5xx as unavailable', async () => {
    fake.respondWith([{ status: 500 }, { status: 503 }]);

    await expect(deliveryFailureOf(service().send(message))).resolves.toMatchObject({
      kind: 'unavailable',
      status: 500,
    });
    await expect(deliveryFailureOf(service().send(message))).resolves.toMatchObject({
      kind: 'unavailable',
      status: 503,
    });
  });

  it('treats a 200 without a message status as unavailable, not as sent', async () => {
    fake.respondWith([{ body: '<html>gateway</html>' }]);

    await expect(deliveryFailureOf(service().send(message))).resolves.toMatchObject({
      kind: 'unavailable',
    });
  });

  it('gives up with a timeout within the configured timeoutMs', async () => {
    fake.respondWith([{ delayMs: 10_000 }]);
    const startedAt = Date.now();

    const error = await deliveryFailureOf(service({ timeoutMs: 200 }).send(message));

    expect(error.kind).toBe('timeout');
    expect(Date.now() - startedAt).toBeLessThan(1000);
  });

  it('treats a reset connection as unavailable', async () => {
    fake.respondWith([{ dropConnection: true }]);

    await expect(deliveryFailureOf(service().send(message))).resolves.toMatchObject({
      kind: 'unavailable',
      message: 'Mailjet could not be reached (ECONNRESET)',
    });
  });

  it('treats a refused connection as unavailable', async () => {
    const refusingPort = await closedPort();

    const error = await deliveryFailureOf(
      service({ baseUrl: `http://127.0.0.1:${refusingPort}` }).send(message),
    );

    expect(error).toMatchObject({
      kind: 'unavailable',
      message: 'Mailjet could not be reached (ECONNREFUSED)',
    });
  });

  describe('healthCheck', () => {
    it('is ok when an authenticated GET succeeds', async () => {
      await expect(service().healthCheck()).resolves.toEqual({ ok: true });
      expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/v3/REST/user' });
    });

    it('reports a refused key without throwing or echoing it', async () => {
      fake.respondWith([{ status: 401 }]);

      const health = await service().healthCheck();

      expect(health.ok).toBe(false);
      expect(health.detail).toMatch(/^Mailjet answered 401/);
      expect(JSON.stringify(health)).not.toContain(API_SECRET);
    });
  });
});
