import { OnModuleDestroy } from '@nestjs/common';
import { createTransport, SMTPSentMessageInfo, Transporter } from 'nodemailer';
import { EmailDeliveryError } from '../../email-delivery.error';
import { EmailMessage, EmailSendResult, IEmailService } from '../../email.interface';
import { EmailHealth, EmailHealthCheck } from '../email-health';
import { SmtpEmailConfig } from './smtp-email.config';
import { smtpFailure } from './smtp-failure';

/** Sends through any SMTP server (Mailpit, MailDev, a relay); one connection per message. */
export class SmtpEmailService implements IEmailService, EmailHealthCheck, OnModuleDestroy {
  readonly provider = 'smtp';

  private readonly transporter: Transporter<SMTPSentMessageInfo>;
  private readonly from: { name: string; address: string };
  private readonly timeoutMs: number;

  constructor(config: SmtpEmailConfig) {
    assertSmtpUrl(config.smtpUrl);

    this.transporter = createTransport({
      url: config.smtpUrl,
      connectionTimeout: config.timeoutMs,
      greetingTimeout: config.timeoutMs,
      socketTimeout: config.timeoutMs,
    });
    this.from = { name: config.fromName, address: config.fromEmail };
    this.timeoutMs = config.timeoutMs;
  }

  async send(message: EmailMessage): Promise<EmailSendResult> {
    const info = await this.transporter
      .sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { 'X-Custom-ID': message.customId },
        // The socket timeouts above are idle timeouts; this bounds the send as a whole.
        signal: AbortSignal.timeout(this.timeoutMs),
      })
      .catch((error: unknown) => {
        throw smtpFailure(error);
      });

    if (info.rejected.length > 0) {
      throw new EmailDeliveryError('permanent', 'SMTP server rejected the recipient');
    }

    return { provider: this.provider, providerMessageId: info.messageId };
  }

  /** Connects and, when the URL holds credentials, logs in; sends nothing. */
  async healthCheck(): Promise<EmailHealth> {
    try {
      await this.transporter.verify();

      return { ok: true };
    } catch (error: unknown) {
      return { ok: false, detail: smtpFailure(error).message };
    }
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}

function assertSmtpUrl(smtpUrl: string): void {
  // The message never quotes the URL: it can hold a password.
  const protocol = URL.canParse(smtpUrl) ? new URL(smtpUrl).protocol : undefined;
  if (protocol !== 'smtp:' && protocol !== 'smtps:') {
    throw new Error('SMTP url must be a valid smtp:// or smtps:// URL');
  }
}
