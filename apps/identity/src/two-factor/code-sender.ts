import { AppError, InvalidRequestError, TooManyRequestsError } from '@app/common';
import { type ISmsService, InjectSmsService, maskPhoneNumber, SmsDeliveryError } from '@app/sms';
import { Injectable, Logger } from '@nestjs/common';
import type { ChallengePurpose } from './two-factor-challenge.entity';

const PURPOSE_TEXT: Record<ChallengePurpose, string> = {
  login: 'sign in',
  enable: 'turn on SMS sign-in codes',
  disable: 'turn off SMS sign-in codes',
};

const NOT_NOW = 'The code could not be sent by SMS right now; try again in a few minutes.';

/** Puts a code into an SMS and sends it; a provider failure becomes an answer the caller can act on. */
@Injectable()
export class CodeSender {
  private readonly logger = new Logger(CodeSender.name);

  constructor(@InjectSmsService() private readonly sms: ISmsService) {}

  async send(phone: string, code: string, purpose: ChallengePurpose, ttlSeconds: number) {
    const minutes = Math.round(ttlSeconds / 60);
    const body =
      `${code} is your Gym Platform code to ${PURPOSE_TEXT[purpose]}. ` +
      `It expires in ${minutes} minutes. Never share it.`;

    try {
      await this.sms.send({ to: phone, body });
    } catch (error: unknown) {
      throw this.refusal(error, phone);
    }
  }

  private refusal(error: unknown, phone: string): Error {
    if (!(error instanceof SmsDeliveryError)) {
      return error instanceof Error ? error : new Error('The SMS provider failed');
    }

    const context = {
      kind: error.kind,
      providerCode: error.providerCode,
      to: maskPhoneNumber(phone),
    };
    switch (error.kind) {
      case 'invalid_number':
        this.logger.warn(context, error.message);

        return new InvalidRequestError(
          'phone: this number cannot receive SMS; use a mobile number.',
        );
      case 'opted_out':
        this.logger.warn(context, error.message);

        return new InvalidRequestError(
          'This number has opted out of our SMS (it replied STOP). Reply START to one of our ' +
            'messages, then try again.',
        );
      case 'region_not_allowed':
        this.logger.error(context, error.message);

        return new InvalidRequestError('phone: we cannot send SMS to this country.');
      case 'rate_limited':
        this.logger.warn(context, error.message);

        return new TooManyRequestsError(
          'Too many SMS are going out right now; try again in a minute.',
          60,
        );
      case 'config':
      case 'rejected':
        this.logger.error(context, error.message);

        return new AppError('unavailable', NOT_NOW);
      case 'unavailable':
        this.logger.warn(context, error.message);

        return new AppError('unavailable', NOT_NOW);
    }
  }
}
