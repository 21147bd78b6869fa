import { Logger } from '@nestjs/common';
import { ConsoleEmailService } from './console-email.service';

describe('ConsoleEmailService', () => {
  const service = new ConsoleEmailService({ fromEmail: 'noreply@gym.test', fromName: 'Gym' });

  afterEach(() => jest.restoreAllMocks());

  it('prints the email through the Nest logger and returns a fresh id', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);

    const first = await service.send({
      to: 'owner@example.test',
      subject: 'Activate your gym',
      text: 'Open https://dashboard.example.test/activate?token=abc',
      html: '<p>Open</p>',
      customId: 'outbox-1',
    });
    const second = await service.send({
      to: 'owner@example.test',
      subject: 'Again',
      text: 'Again',
      html: '<p>Again</p>',
      customId: 'outbox-2',
    });

    expect(first.provider).toBe('console');
    expect(first.providerMessageId).toMatch(/^console-[0-9a-f-]{36}$/);
    expect(second.providerMessageId).not.toBe(first.providerMessageId);
    const printed = String(log.mock.calls[0][0]);
    expect(printed).toContain('To: owner@example.test');
    expect(printed).toContain('Subject: Activate your gym');
    expect(printed).toContain('https://dashboard.example.test/activate?token=abc');
  });

  it('is always healthy', async () => {
    await expect(service.healthCheck()).resolves.toMatchObject({ ok: true });
  });
});
