import { DataSource } from 'typeorm';
import { requireServers } from './support/integration';
import { TestPlatform } from './support/platform';
import { waitForValue } from '@app/testing';

interface OutboxRow {
  status: string;
  attempts: number;
  last_error: string | null;
  provider_message_id: string | null;
  data: Record<string, unknown>;
}

describe('activation email through the real Mailjet SDK (PostgreSQL and RabbitMQ)', () => {
  let platform: TestPlatform;
  let db: DataSource;

  beforeAll(async () => {
    await requireServers();
    platform = await TestPlatform.start('servers');
    db = platform.wizard.get(DataSource);
  }, 60_000);

  afterAll(async () => {
    await platform?.stop();
  });

  beforeEach(() => platform.mailjet.reset());

  async function payForAGym() {
    const { owner, gymId, sessionId } = await platform.gymAwaitingPayment();
    await platform.deliver(platform.checkoutEvent(gymId, sessionId)).expect(200);

    return { owner, gymId };
  }

  const outboxRow = async (gymId: string): Promise<OutboxRow> =>
    (
      await db.query(
        `SELECT status, attempts, last_error, provider_message_id, data FROM email_outbox
         WHERE gym_id = $1 AND template = 'activation'`,
        [gymId],
      )
    )[0];

  const sendRequests = () =>
    platform.mailjet.requests.filter((request) => request.path === '/v3.1/send');

  it('survives 429, 500 and a timeout, then sends the email once, with every attempt recorded', async () => {
    platform.mailjet.respondWith([
      { status: 429, headers: { 'retry-after': '1' }, body: { ErrorMessage: 'Too many requests' } },
      { status: 500, body: { ErrorMessage: 'Internal error' } },
      { delayMs: 3_000 },
      {},
    ]);
    const started = Date.now();

    const { gymId } = await payForAGym();
    const row = await waitForValue('the activation email to be sent', async () => {
      const current = await outboxRow(gymId);

      return current?.status === 'sent' ? current : undefined;
    });

    expect(row).toEqual(
      expect.objectContaining({
        status: 'sent',
        attempts: 4,
        provider_message_id: expect.any(String),
      }),
    );
    expect(sendRequests()).toHaveLength(4);
    expect(new Set(sendRequests().map((request) => messageCustomId(request.body))).size).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('marks the email failed at once on a 401, never retries it, and logs no key', async () => {
    platform.mailjet.respondWith([
      {
        status: 401,
        body: {
          ErrorIdentifier: 'auth',
          ErrorMessage: 'API key authentication/authorization failure',
        },
      },
    ]);

    const { gymId } = await payForAGym();
    const row = await waitForValue('the activation email to fail', async () => {
      const current = await outboxRow(gymId);

      return current?.status === 'failed' ? current : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 800));

    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/401/);
    expect(sendRequests()).toHaveLength(1);
    const errors = platform.logLines.filter((line) => JSON.parse(line).level === 50);
    expect(errors.some((line) => line.includes(gymId) || line.includes('401'))).toBe(true);
    const everything = platform.logLines.join('\n');
    expect(everything).not.toContain(platform.secrets.mailjetApiKey);
    expect(everything).not.toContain(platform.secrets.mailjetApiSecret);
    const basic = Buffer.from(
      `${platform.secrets.mailjetApiKey}:${platform.secrets.mailjetApiSecret}`,
    );
    expect(everything).not.toContain(basic.toString('base64'));
  });
});

function messageCustomId(body: unknown): string {
  return (body as { Messages: Array<{ CustomID: string }> }).Messages[0].CustomID;
}
