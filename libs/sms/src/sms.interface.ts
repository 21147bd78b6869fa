import { Inject } from '@nestjs/common';

export const SMS_SERVICE = Symbol('SMS_SERVICE');

export const InjectSmsService = (): ParameterDecorator => Inject(SMS_SERVICE);

export interface SmsMessage {
  /** The recipient in any form normalizePhoneNumber takes; adapters send it as E.164. */
  to: string;
  body: string;
}

export interface SmsSendResult {
  provider: string;
  providerMessageId: string;
  /** The recipient as sent, in E.164. */
  to: string;
}

export interface ISmsService {
  readonly provider: string;
  /** Resolves once the provider accepted the message; throws SmsDeliveryError otherwise. */
  send(message: SmsMessage): Promise<SmsSendResult>;
}
