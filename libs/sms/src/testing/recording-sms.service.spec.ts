import { SmsDeliveryError } from '../sms-delivery.error';
import { RecordingSmsService } from './recording-sms.service';

describe('RecordingSmsService', () => {
  it('records what was sent, fails as scripted, and forgets on reset', async () => {
    const sms = new RecordingSmsService();
    sms.failNextWith(new SmsDeliveryError('unavailable', 'down'));

    await expect(sms.send({ to: '+4915123456789', body: 'a' })).rejects.toThrow('down');
    await sms.send({ to: '+4915123456789', body: 'b' });

    expect(sms.sentTo('+4915123456789')).toEqual([{ to: '+4915123456789', body: 'b' }]);
    sms.reset();
    expect(sms.sent).toEqual([]);
  });
});
