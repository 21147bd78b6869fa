import Mailjet, { SendEmailV3_1 } from 'node-mailjet';
import { EmailMessage, EmailSendResult, IEmailService } from '../../email.interface';
import { EmailHealth, EmailHealthCheck } from '../email-health';
import { acceptedMessageUuid } from './mailjet-answer';
import { mailjetConnection } from './mailjet-connection';
import { MailjetEmailConfig } from './mailjet-email.config';
import { mailjetFailure } from './mailjet-failure';

/** Sends through the Mailjet Send API v3.1, one message per call. */
export class MailjetEmailService implements IEmailService, EmailHealthCheck {
  readonly provider = 'mailjet';

  private readonly client: Mailjet;
  private readonly from: SendEmailV3_1.EmailAddressTo;

  constructor(config: MailjetEmailConfig) {
    const { host, proxy } = mailjetConnection(config.baseUrl, config.proxyUrl);

    this.client = new Mailjet({
      apiKey: config.apiKey,
      apiSecret: config.apiSecret,
      config: host === undefined ? null : { host },
      options: { timeout: config.timeoutMs, proxy },
    });
    this.from = { Email: config.fromEmail, Name: config.fromName };
  }

  async send(message: EmailMessage): Promise<EmailSendResult> {
    const body: SendEmailV3_1.Body = {
      Messages: [
        {
          From: this.from,
          To: [{ Email: message.to }],
          Subject: message.subject,
          TextPart: message.text,
          HTMLPart: message.html,
          CustomID: message.customId,
        },
      ],
    };

    const { response } = await this.client
      .post('send', { version: 'v3.1' })
      .request(body)
      .catch((error: unknown) => {
        throw mailjetFailure(error);
      });

    return {
      provider: this.provider,
      providerMessageId: acceptedMessageUuid(response.data, response.status),
    };
  }

  /** An authenticated GET of the account: proves the address and the key, sends nothing. */
  async healthCheck(): Promise<EmailHealth> {
    try {
      await this.client.get('user', { version: 'v3' }).request();

      return { ok: true };
    } catch (error: unknown) {
      return { ok: false, detail: mailjetFailure(error).message };
    }
  }
}
