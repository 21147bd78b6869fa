import { Module } from '@nestjs/common';
import { ConsoleSmsService } from './adapters/console/console-sms.service';
import { TwilioSmsService } from './adapters/twilio/twilio-sms.service';
import { ISmsService, SMS_SERVICE } from './sms.interface';
import {
  ConfigurableSmsModule,
  SMS_MODULE_OPTIONS,
  SmsModuleOptions,
  validateSmsModuleOptions,
} from './sms.options';

const DEFAULT_TIMEOUT_MS = 10_000;

/** Binds SMS_SERVICE to the adapter the options name; stops the start when they are bad. */
export function createSmsService(options: SmsModuleOptions): ISmsService {
  const valid = validateSmsModuleOptions(options);

  switch (valid.provider) {
    case 'twilio': {
      const { accountSid, authToken, fromNumber, apiBaseUrl, timeoutMs } = valid.twilio;

      return new TwilioSmsService({
        accountSid,
        authToken,
        fromNumber,
        apiBaseUrl,
        timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
    }
    case 'console':
      return new ConsoleSmsService({ fromNumber: valid.twilio?.fromNumber });
  }
}

@Module({
  providers: [{ provide: SMS_SERVICE, inject: [SMS_MODULE_OPTIONS], useFactory: createSmsService }],
  exports: [SMS_SERVICE],
})
export class SmsModule extends ConfigurableSmsModule {}
