import { ConfigurableModuleBuilder } from '@nestjs/common';

export const EMAIL_PROVIDERS = ['mailjet', 'smtp', 'console'] as const;

export type EmailProviderName = (typeof EMAIL_PROVIDERS)[number];

export interface MailjetModuleOptions {
  apiKey: string;
  apiSecret: string;
  /** MAILJET_API_BASE_URL: an https URL, or an http one for a local fake. */
  baseUrl?: string;
  proxyUrl?: string;
  /** Defaults to 10 s. */
  timeoutMs?: number;
}

export interface SmtpModuleOptions {
  /** SMTP_URL, e.g. smtp://127.0.0.1:1025 for Mailpit. */
  url: string;
  /** Defaults to 10 s. */
  timeoutMs?: number;
}

export interface EmailSender {
  email: string;
  name: string;
}

export interface EmailModuleOptions {
  provider: EmailProviderName;
  from: EmailSender;
  mailjet?: MailjetModuleOptions;
  smtp?: SmtpModuleOptions;
}

/** The options once checked: the chosen provider's own options are there. */
export type ValidEmailModuleOptions =
  | { provider: 'mailjet'; from: EmailSender; mailjet: MailjetModuleOptions }
  | { provider: 'smtp'; from: EmailSender; smtp: SmtpModuleOptions }
  | { provider: 'console'; from: EmailSender };

export const {
  ConfigurableModuleClass: ConfigurableEmailModule,
  MODULE_OPTIONS_TOKEN: EMAIL_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<EmailModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: false }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();

/** Lists every problem at once, naming options, never quoting their values. */
export function validateEmailModuleOptions(options: EmailModuleOptions): ValidEmailModuleOptions {
  const problems = [...fromProblems(options), ...providerProblems(options)];
  if (problems.length > 0) {
    throw new Error(`EmailModule options are invalid:\n  ${problems.join('\n  ')}`);
  }

  return options as ValidEmailModuleOptions;
}

function fromProblems(options: EmailModuleOptions): string[] {
  return [
    isFilled(options.from?.email) ? '' : 'from.email is required',
    isFilled(options.from?.name) ? '' : 'from.name is required',
  ].filter(Boolean);
}

function providerProblems(options: EmailModuleOptions): string[] {
  const needs = (option: string) => `provider "${options.provider}" needs ${option}`;

  switch (options.provider) {
    case 'mailjet':
      return [
        isFilled(options.mailjet?.apiKey) ? '' : needs('mailjet.apiKey'),
        isFilled(options.mailjet?.apiSecret) ? '' : needs('mailjet.apiSecret'),
        isTimeout(options.mailjet?.timeoutMs) ? '' : 'mailjet.timeoutMs must be a positive integer',
      ].filter(Boolean);
    case 'smtp':
      return [
        isFilled(options.smtp?.url) ? '' : needs('smtp.url'),
        isTimeout(options.smtp?.timeoutMs) ? '' : 'smtp.timeoutMs must be a positive integer',
      ].filter(Boolean);
    case 'console':
      return [];
    default:
      return [`provider must be one of ${EMAIL_PROVIDERS.join(', ')}`];
  }
}

function isFilled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function isTimeout(value: unknown): boolean {
  return value === undefined || (Number.isInteger(value) && (value as number) > 0);
}
