import { Inject } from '@nestjs/common';

export const EMAIL_SERVICE = Symbol('EMAIL_SERVICE');

export const InjectEmailService = (): ParameterDecorator => Inject(EMAIL_SERVICE);

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Our own id for the message (the outbox row id); providers echo it back. */
  customId: string;
}

export interface EmailSendResult {
  provider: string;
  providerMessageId: string;
}

export interface IEmailService {
  readonly provider: string;
  /** Resolves once the provider accepted the message; throws EmailDeliveryError otherwise. */
  send(message: EmailMessage): Promise<EmailSendResult>;
}
