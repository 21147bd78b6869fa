import { Module } from '@nestjs/common';
import { ConsoleEmailService } from './adapters/console/console-email.service';
import { MailjetEmailService } from './adapters/mailjet/mailjet-email.service';
import { SmtpEmailService } from './adapters/smtp/smtp-email.service';
import { EMAIL_SERVICE, IEmailService } from './email.interface';
import {
  ConfigurableEmailModule,
  EMAIL_MODULE_OPTIONS,
  EmailModuleOptions,
  validateEmailModuleOptions,
} from './email.options';

const DEFAULT_TIMEOUT_MS = 10_000;

/** Binds EMAIL_SERVICE to the adapter the options name; stops the start when they are bad. */
export function createEmailService(options: EmailModuleOptions): IEmailService {
  const valid = validateEmailModuleOptions(options);

  const from = { fromEmail: valid.from.email, fromName: valid.from.name };
  switch (valid.provider) {
    case 'mailjet': {
      const { apiKey, apiSecret, baseUrl, proxyUrl, timeoutMs } = valid.mailjet;

      return new MailjetEmailService({
        ...from,
        apiKey,
        apiSecret,
        baseUrl,
        proxyUrl,
        timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
    }
    case 'smtp': {
      const { url, timeoutMs } = valid.smtp;

      return new SmtpEmailService({
        ...from,
        smtpUrl: url,
        timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
    }
    case 'console':
      return new ConsoleEmailService(from);
  }
}

@Module({
  providers: [
    { provide: EMAIL_SERVICE, inject: [EMAIL_MODULE_OPTIONS], useFactory: createEmailService },
  ],
  exports: [EMAIL_SERVICE],
})
export class EmailModule extends ConfigurableEmailModule {}
