import { EmailDeliveryError } from '../email-delivery.error';
import { EmailMessage } from '../email.interface';
import { RecordingEmailService } from './recording-email.service';

const message = (to: string): EmailMessage => ({
  to,
  subject: 'Hello',
  text: 'Hello',
  html: '<p>Hello</p>',
  customId: `outbox-${to}`,
});

describe('RecordingEmailService', () => {
  const service = new RecordingEmailService();

  afterEach(() => service.reset());

  it('records what was sent and answers with an id', async () => {
    const result = await service.send(message('a@example.test'));
    await service.send(message('b@example.test'));

    expect(result).toEqual({ provider: 'recording', providerMessageId: 'recording-1' });
    expect(service.sent.map((sent) => sent.to)).toEqual(['a@example.test', 'b@example.test']);
    expect(service.sentTo('b@example.test')).toHaveLength(1);
  });

  it('throws scripted failures in order, then sends again', async () => {
    const limited = new EmailDeliveryError('rate_limited', 'slow down', 1000, 429);
    service.failNextWith(limited);

    await expect(service.send(message('a@example.test'))).rejects.toBe(limited);
    await expect(service.send(message('a@example.test'))).resolves.toMatchObject({
      provider: 'recording',
    });
    expect(service.sent).toHaveLength(1);
  });

  it('forgets everything on reset', async () => {
    await service.send(message('a@example.test'));
    service.failNextWith(new EmailDeliveryError('unavailable', 'down'));

    service.reset();

    expect(service.sent).toEqual([]);
    await expect(service.send(message('a@example.test'))).resolves.toBeDefined();
  });
});
