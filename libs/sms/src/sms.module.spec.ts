import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConsoleSmsService } from './adapters/console/console-sms.service';
import { TwilioSmsService } from './adapters/twilio/twilio-sms.service';
import { ISmsService, InjectSmsService, SMS_SERVICE } from './sms.interface';
import { SmsModule } from './sms.module';
import { SmsModuleOptions } from './sms.options';

const twilio = {
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: 'twilio-test-token-5c9e1f0a7b3d',
  fromNumber: '+4915700000001',
  apiBaseUrl: 'http://127.0.0.1:9',
};

@Injectable()
class CodeSender {
  constructor(@InjectSmsService() readonly sms: ISmsService) {}
}

async function serviceFor(options: SmsModuleOptions): Promise<ISmsService> {
  const moduleRef = await Test.createTestingModule({
    imports: [SmsModule.forRoot(options)],
  }).compile();
  const service = moduleRef.get<ISmsService>(SMS_SERVICE);
  await moduleRef.close();

  return service;
}

describe('SmsModule', () => {
  it('binds the console adapter', async () => {
    await expect(serviceFor({ provider: 'console' })).resolves.toBeInstanceOf(ConsoleSmsService);
  });

  it('binds the Twilio adapter', async () => {
    await expect(serviceFor({ provider: 'twilio', twilio })).resolves.toBeInstanceOf(
      TwilioSmsService,
    );
  });

  it('builds from forRootAsync and exports the token to importing modules', async () => {
    @Module({
      imports: [
        SmsModule.forRootAsync({
          useFactory: async (): Promise<SmsModuleOptions> => ({ provider: 'console' }),
        }),
      ],
      providers: [CodeSender],
    })
    class FeatureModule {}

    const moduleRef = await Test.createTestingModule({ imports: [FeatureModule] }).compile();

    expect(moduleRef.get(CodeSender).sms).toBeInstanceOf(ConsoleSmsService);
    await moduleRef.close();
  });

  it('names every bad Twilio option without quoting a value', async () => {
    const compiling = serviceFor({
      provider: 'twilio',
      twilio: { ...twilio, accountSid: 'SK-not-an-account', authToken: '', timeoutMs: 0 },
    });

    await expect(compiling).rejects.toThrow(
      'SmsModule options are invalid:\n  twilio.accountSid must start with AC\n' +
        '  provider "twilio" needs twilio.authToken\n  twilio.timeoutMs must be a positive integer',
    );
    await expect(compiling).rejects.not.toThrow(/SK-not-an-account/);
  });

  it('stops the start when Twilio is chosen without its options', async () => {
    await expect(serviceFor({ provider: 'twilio' })).rejects.toThrow(
      'provider "twilio" needs twilio.accountSid',
    );
  });

  it('refuses an unknown provider', async () => {
    const options = { provider: 'pigeon' } as unknown as SmsModuleOptions;

    await expect(serviceFor(options)).rejects.toThrow('provider must be one of twilio, console');
  });
});
