import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ISmsService, SmsMessage, SmsSendResult } from '../../sms.interface';
import { recipientOf } from '../recipient';
import { SmsHealth, SmsHealthCheck } from '../sms-health';

export interface ConsoleSmsConfig {
  /** Shown as the sender, as Twilio's fromNumber would be. */
  fromNumber?: string;
}

/**
 * For development: prints each SMS to the developer's console instead of sending it. The one
 * adapter that shows bodies and numbers, so that codes can be typed in from there.
 */
export class ConsoleSmsService implements ISmsService, SmsHealthCheck {
  readonly provider = 'console';

  private readonly logger = new Logger(ConsoleSmsService.name);

  constructor(private readonly config: ConsoleSmsConfig = {}) {}

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const to = recipientOf(message.to);
    const providerMessageId = `console-${randomUUID()}`;

    this.logger.log(
      [
        `SMS ${providerMessageId}`,
        `From: ${this.config.fromNumber ?? 'console'}`,
        `To: ${to}`,
        '',
        message.body,
      ].join('\n'),
    );

    return { provider: this.provider, providerMessageId, to };
  }

  async healthCheck(): Promise<SmsHealth> {
    return { ok: true, detail: 'prints SMS to the console' };
  }
}
