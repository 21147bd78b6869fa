import { ConfigurableModuleBuilder } from '@nestjs/common';

export const SMS_PROVIDERS = ['twilio', 'console'] as const;

export type SmsProviderName = (typeof SMS_PROVIDERS)[number];

export interface TwilioModuleOptions {
  accountSid: string;
  authToken: string;
  /** The sender, a Twilio number in E.164. */
  fromNumber: string;
  /** TWILIO_API_BASE_URL: replaces https://api.twilio.com, e.g. a local fake. */
  apiBaseUrl?: string;
  /** Defaults to 10 s. */
  timeoutMs?: number;
}

export interface SmsModuleOptions {
  provider: SmsProviderName;
  twilio?: TwilioModuleOptions;
}

/** The options once checked: the chosen provider's own options are there. */
export type ValidSmsModuleOptions =
  | { provider: 'twilio'; twilio: TwilioModuleOptions }
  | { provider: 'console'; twilio?: TwilioModuleOptions };

export const {
  ConfigurableModuleClass: ConfigurableSmsModule,
  MODULE_OPTIONS_TOKEN: SMS_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<SmsModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: false }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();

/** Lists every problem at once, naming options, never quoting their values. */
export function validateSmsModuleOptions(options: SmsModuleOptions): ValidSmsModuleOptions {
  const problems = providerProblems(options);
  if (problems.length > 0) {
    throw new Error(`SmsModule options are invalid:\n  ${problems.join('\n  ')}`);
  }

  return options as ValidSmsModuleOptions;
}

function providerProblems(options: SmsModuleOptions): string[] {
  switch (options.provider) {
    case 'twilio':
      return twilioProblems(options.twilio);
    case 'console':
      return [];
    default:
      return [`provider must be one of ${SMS_PROVIDERS.join(', ')}`];
  }
}

function twilioProblems(twilio: TwilioModuleOptions | undefined): string[] {
  const needs = (option: string) => `provider "twilio" needs ${option}`;

  return [
    isFilled(twilio?.accountSid) ? '' : needs('twilio.accountSid'),
    isFilled(twilio?.accountSid) && !twilio?.accountSid.startsWith('AC')
      ? 'twilio.accountSid must start with AC'
      : '',
    isFilled(twilio?.authToken) ? '' : needs('twilio.authToken'),
    isFilled(twilio?.fromNumber) ? '' : needs('twilio.fromNumber'),
    isTimeout(twilio?.timeoutMs) ? '' : 'twilio.timeoutMs must be a positive integer',
  ].filter(Boolean);
}

function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isTimeout(value: unknown): boolean {
  return value === undefined || (Number.isInteger(value) && (value as number) > 0);
}
