import { AddressInfo, createServer, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { EmailMessage } from '../../email.interface';
import { freePort as closedPort, rejectionOf } from '@app/testing';
import { EmailDeliveryError } from '../../email-delivery.error';

const deliveryFailureOf = (promise: Promise<unknown>) => rejectionOf(promise, EmailDeliveryError);
import { SmtpEmailService } from './smtp-email.service';

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

const message = (to: string): EmailMessage => ({
  to,
  subject: 'Welcome to Iron Gym',
  text: 'Your dashboard is ready',
  html: '<p>Your dashboard is ready</p>',
  customId: 'outbox-7',
});

/** Recipients named after the reply the test server gives them. */
const REPLIES: Record<string, number> = {
  'unknown@example.test': 550,
  'greylisted@example.test': 451,
};

describe('SmtpEmailService against a local smtp-server', () => {
  const received: ReceivedMail[] = [];
  let server: SMTPServer;
  let port: number;

  const service = (smtpUrl = `smtp://127.0.0.1:${port}`, timeoutMs = 2000) =>
    new SmtpEmailService({
      smtpUrl,
      fromEmail: 'noreply@gym.example.test',
      fromName: 'Gym Platform',
      timeoutMs,
    });

  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const reply = REPLIES[address.address];
        if (reply === undefined) {
          callback();

          return;
        }

        callback(Object.assign(new Error(`Mailbox refused (${reply})`), { responseCode: reply }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    port = await listen(server);
  });

  afterEach(() => {
    received.length = 0;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('delivers the message and returns its Message-ID', async () => {
    const result = await service().send(message('owner@example.test'));

    expect(result.provider).toBe('smtp');
    expect(result.providerMessageId).toMatch(/^<.+@.+>$/);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail.from).toBe('noreply@gym.example.test');
    expect(mail.to).toEqual(['owner@example.test']);
    expect(mail.raw).toContain('Subject: Welcome to Iron Gym');
    expect(mail.raw).toContain('X-Custom-ID: outbox-7');
    expect(mail.raw).toContain(`Message-ID: ${result.providerMessageId}`);
    expect(mail.raw).toContain('<p>Your dashboard is ready</p>');
  });

  it('treats a 550 recipient rejection as permanent', async () => {
    const error = await deliveryFailureOf(service().send(message('unknown@example.test')));

    expect(error).toMatchObject({ kind: 'permanent', status: 550 });
    expect(error.message).toMatch(/^SMTP server answered 550 to RCPT TO/);
    expect(received).toHaveLength(0);
  });

  it('treats a 451 as transient (unavailable)', async () => {
    const error = await deliveryFailureOf(service().send(message('greylisted@example.test')));

    expect(error).toMatchObject({ kind: 'unavailable', status: 451 });
  });

  it('treats a refused login as permanent without quoting the password', async () => {
    const guarded = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(_auth, _session, callback) {
        callback(new Error('Invalid username or password'));
      },
    });
    const guardedPort = await listen(guarded);

    try {
      const smtpUrl = `smtp://gym:hunter2-secret@127.0.0.1:${guardedPort}`;
      const error = await deliveryFailureOf(service(smtpUrl).send(message('owner@example.test')));

      expect(error).toMatchObject({ kind: 'permanent', status: 535 });
      expect(JSON.stringify({ message: error.message, error })).not.toContain('hunter2');
    } finally {
      await new Promise<void>((resolve) => guarded.close(() => resolve()));
    }
  });

  it('times out against a server that never greets, within timeoutMs', async () => {
    const silent = await silentServer();
    const startedAt = Date.now();

    try {
      const smtpUrl = `smtp://127.0.0.1:${silent.port}`;
      const error = await deliveryFailureOf(
        service(smtpUrl, 200).send(message('owner@example.test')),
      );

      expect(error.kind).toBe('timeout');
      expect(Date.now() - startedAt).toBeLessThan(1000);
    } finally {
      await silent.close();
    }
  });

  it('treats a refused connection as unavailable', async () => {
    const refusingPort = await closedPort();

    const error = await deliveryFailureOf(
      service(`smtp://127.0.0.1:${refusingPort}`).send(message('owner@example.test')),
    );

    expect(error).toMatchObject({
      kind: 'unavailable',
      message: 'SMTP server could not be reached (ECONNREFUSED)',
    });
  });

  it('refuses a URL that is not smtp:// without quoting it', () => {
    expect(() => service('http://user:secret@127.0.0.1:25')).toThrow(
      /^SMTP url must be a valid smtp:\/\/ or smtps:\/\/ URL$/,
    );
  });

  describe('healthCheck', () => {
    it('is ok when the server answers', async () => {
      await expect(service().healthCheck()).resolves.toEqual({ ok: true });
    });

    it('reports an unreachable server without throwing', async () => {
      const refusingPort = await closedPort();

      await expect(service(`smtp://127.0.0.1:${refusingPort}`).healthCheck()).resolves.toEqual({
        ok: false,
        detail: 'SMTP server could not be reached (ECONNREFUSED)',
      });
    });
  });
});

async function listen(server: SMTPServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));

  return (server.server.address() as AddressInfo).port;
}

/** Accepts connections and says nothing, like a stuck SMTP server. */
async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));

  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      sockets.forEach((socket) => socket.destroy());

      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
