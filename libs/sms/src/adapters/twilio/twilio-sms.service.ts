import twilio from 'twilio';
import { ISmsService, SmsMessage, SmsSendResult } from '../../sms.interface';
import { recipientOf } from '../recipient';
import { SmsHealth, SmsHealthCheck } from '../sms-health';
import { BaseUrlRequestClient } from './base-url-request-client';
import { TwilioSmsConfig } from './twilio-sms.config';
import { twilioFailure } from './twilio-failure';

/** Sends through Twilio's Messages API, one message per call, without retries. */
export class TwilioSmsService implements ISmsService, SmsHealthCheck {
  readonly provider = 'twilio';

  private readonly client: twilio.Twilio;
  private readonly accountSid: string;
  private readonly fromNumber: string;

  constructor(config: TwilioSmsConfig) {
    const httpClient =
      config.apiBaseUrl === undefined
        ? undefined
        : new BaseUrlRequestClient(config.apiBaseUrl, { timeout: config.timeoutMs });

    this.client = twilio(config.accountSid, config.authToken, {
      httpClient,
      timeout: config.timeoutMs,
      // A retried send can reach the phone twice; a 429 goes back to the caller instead.
      autoRetry: false,
      // Pinned: the SDK would otherwise take TWILIO_EDGE, TWILIO_REGION and TWILIO_LOG_LEVEL
      // from process.env, and its debug log prints requests to the console.
      edge: '',
      region: '',
      logLevel: 'off',
    });
    this.accountSid = config.accountSid;
    this.fromNumber = config.fromNumber;
  }

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const to = recipientOf(message.to);

    const created = await this.client.messages
      .create({ to, from: this.fromNumber, body: message.body })
      .catch((error: unknown) => {
        throw twilioFailure(error);
      });

    return { provider: this.provider, providerMessageId: created.sid, to };
  }

  /** An authenticated GET of the account: proves the address and the token, sends nothing. */
  async healthCheck(): Promise<SmsHealth> {
    try {
      await this.client.api.v2010.accounts(this.accountSid).fetch();

      return { ok: true };
    } catch (error: unknown) {
      return { ok: false, detail: twilioFailure(error).message };
    }
  }
}
