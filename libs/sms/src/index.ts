export * from './sms.interface';
export * from './sms-delivery.error';
export { SmsModule } from './sms.module';
export type { SmsModuleOptions, SmsProviderName, TwilioModuleOptions } from './sms.options';
export { SMS_PROVIDERS } from './sms.options';
export {
  InvalidPhoneNumberError,
  isPhoneCountry,
  maskPhoneNumber,
  normalizePhoneNumber,
} from './phone-number';
export type { InvalidPhoneNumberReason, PhoneNumber } from './phone-number';
export type { SmsHealth, SmsHealthCheck } from './adapters/sms-health';
export { hasSmsHealthCheck } from './adapters/sms-health';

// Test fakes: they use Node built-ins only, so production imports stay free of dev packages.
export { RecordingSmsService } from './testing/recording-sms.service';
