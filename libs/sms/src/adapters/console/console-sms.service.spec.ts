import { Logger } from '@nestjs/common';
import { SmsDeliveryError } from '../../sms-delivery.error';
import { ConsoleSmsService } from './console-sms.service';

describe('ConsoleSmsService', () => {
  afterEach(() => jest.restoreAllMocks());

  it('prints the SMS through the Nest logger and answers like a provider', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);

    const result = await new ConsoleSmsService({ fromNumber: '+4915700000001' }).send({
      to: '+49 151 23456789',
      body: 'Your code: 123456',
    });

    expect(result).toEqual({
      provider: 'console',
      providerMessageId: expect.stringMatching(/^console-/),
      to: '+4915123456789',
    });
    expect(log).toHaveBeenCalledTimes(1);
    const [line] = log.mock.calls[0] as [string];
    expect(line).toContain('To: +4915123456789');
    expect(line).toContain('Your code: 123456');
  });

  it('refuses a recipient that is no number, as the real adapters do', async () => {
    await expect(new ConsoleSmsService().send({ to: 'nobody', body: 'x' })).rejects.toEqual(
      expect.objectContaining({ kind: 'invalid_number' }),
    );
    await expect(new ConsoleSmsService().send({ to: 'nobody', body: 'x' })).rejects.toBeInstanceOf(
      SmsDeliveryError,
    );
  });
});
