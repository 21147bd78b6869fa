import { SmsHealth, SmsHealthCheck } from '../adapters/sms-health';
import { SmsDeliveryError } from '../sms-delivery.error';
import { ISmsService, SmsMessage, SmsSendResult } from '../sms.interface';

/**
 * An ISmsService for app tests: bind it to SMS_SERVICE, then read what was sent.
 * Failures can be scripted.
 */
export class RecordingSmsService implements ISmsService, SmsHealthCheck {
  readonly provider = 'recording';
  readonly sent: SmsMessage[] = [];

  private failures: SmsDeliveryError[] = [];

  /** The next sends throw these errors, one each, in order; later sends succeed again. */
  failNextWith(...errors: SmsDeliveryError[]): this {
    this.failures.push(...errors);

    return this;
  }

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const failure = this.failures.shift();
    if (failure) {
      throw failure;
    }

    this.sent.push({ ...message });

    return {
      provider: this.provider,
      providerMessageId: `recording-${this.sent.length}`,
      to: message.to,
    };
  }

  sentTo(to: string): SmsMessage[] {
    return this.sent.filter((message) => message.to === to);
  }

  async healthCheck(): Promise<SmsHealth> {
    return { ok: true };
  }

  reset(): void {
    this.sent.length = 0;
    this.failures = [];
  }
}
