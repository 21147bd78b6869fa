import { AppError, TooManyRequestsError } from '@app/common';
import { Logger } from '@nestjs/common';
import { RecordingSmsService, SmsDeliveryError, type SmsFailureKind } from '@app/sms';
import { CodeSender } from './code-sender';

describe('CodeSender', () => {
  const sms = new RecordingSmsService();
  const sender = new CodeSender(sms);

  beforeEach(() => {
    sms.reset();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  it('sends the code, what it is for and when it expires', async () => {
    await sender.send('+4915123456789', '042137', 'login', 600);

    expect(sms.sent).toEqual([
      {
        to: '+4915123456789',
        body: '042137 is your Gym Platform code to sign in. It expires in 10 minutes. Never share it.',
      },
    ]);
  });

  const cases: Array<[SmsFailureKind, string, number | undefined]> = [
    ['invalid_number', 'invalid', undefined],
    ['opted_out', 'invalid', undefined],
    ['region_not_allowed', 'invalid', undefined],
    ['rate_limited', 'too_many_requests', 60],
    ['config', 'unavailable', undefined],
    ['rejected', 'unavailable', undefined],
    ['unavailable', 'unavailable', undefined],
  ];

  it.each(cases)('answers a %s failure as %s', async (kind, answer, retryAfter) => {
    sms.failNextWith(new SmsDeliveryError(kind, `SMS not sent (${kind})`, 20003, 401));

    const error = await sender.send('+4915123456789', '042137', 'enable', 600).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe(answer);
    expect((error as AppError).message).not.toContain('4915123456789');
    if (retryAfter !== undefined) {
      expect((error as TooManyRequestsError).retryAfterSeconds).toBe(retryAfter);
    }
  });

  it('logs the failure with the number masked', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    sms.failNextWith(new SmsDeliveryError('config', 'SMS not sent (config)', 20003, 401));

    await sender.send('+4915123456789', '042137', 'login', 600).catch(() => undefined);

    expect(error).toHaveBeenCalledWith(
      { kind: 'config', providerCode: 20003, to: '+49 ••• 89' },
      'SMS not sent (config)',
    );
  });
});
