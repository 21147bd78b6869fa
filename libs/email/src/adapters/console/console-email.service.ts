import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EmailMessage, EmailSendResult, IEmailService } from '../../email.interface';
import { EmailHealth, EmailHealthCheck } from '../email-health';

export interface ConsoleEmailConfig {
  fromEmail: string;
  fromName: string;
}

/**
 * For development: prints each email to the developer's console instead of sending it.
 * The one adapter that shows bodies, so that activation links can be clicked from there.
 */
export class ConsoleEmailService implements IEmailService, EmailHealthCheck {
  readonly provider = 'console';

  private readonly logger = new Logger(ConsoleEmailService.name);

  constructor(private readonly config: ConsoleEmailConfig) {}

  async send(message: EmailMessage): Promise<EmailSendResult> {
    const providerMessageId = `console-${randomUUID()}`;

    this.logger.log(
      [
        `Email ${providerMessageId} (customId ${message.customId})`,
        `From: ${this.config.fromName} <${this.config.fromEmail}>`,
        `To: ${message.to}`,
        `Subject: ${message.subject}`,
        '',
        message.text,
      ].join('\n'),
    );
    this.logger.debug(`HTML of ${providerMessageId}:\n${message.html}`);

    return { provider: this.provider, providerMessageId };
  }

  async healthCheck(): Promise<EmailHealth> {
    return { ok: true, detail: 'prints emails to the console' };
  }
}
