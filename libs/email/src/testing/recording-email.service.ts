import { EmailDeliveryError } from '../email-delivery.error';
import { EmailMessage, EmailSendResult, IEmailService } from '../email.interface';
import { EmailHealth, EmailHealthCheck } from '../adapters/email-health';

/**
 * An IEmailService for app tests: bind it to EMAIL_SERVICE, then read what was sent.
 * Failures can be scripted to exercise retries.
 */
export class RecordingEmailService implements IEmailService, EmailHealthCheck {
  readonly provider = 'recording';
  readonly sent: EmailMessage[] = [];

  private failures: EmailDeliveryError[] = [];

  /** The next sends throw these errors, one each, in order; later sends succeed again. */
  failNextWith(...errors: EmailDeliveryError[]): this {
    this.failures.push(...errors);

    return this;
  }

  async send(message: EmailMessage): Promise<EmailSendResult> {
    const failure = this.failures.shift();
    if (failure) {
      throw failure;
    }

    this.sent.push({ ...message });

    return { provider: this.provider, providerMessageId: `recording-${this.sent.length}` };
  }

  sentTo(address: string): EmailMessage[] {
    return this.sent.filter((message) => message.to === address);
  }

  async healthCheck(): Promise<EmailHealth> {
    return { ok: true };
  }

  reset(): void {
    this.sent.length = 0;
    this.failures = [];
  }
}
