import { InvalidRequestError } from '@app/common';
import { InvalidPhoneNumberError, normalizePhoneNumber, type PhoneNumber } from '@app/sms';
import { Injectable } from '@nestjs/common';
import { TwoFactorSettings } from './two-factor.settings';

// Landlines cannot take SMS, and premium, shared-cost and toll-free ranges are what SMS
// pumping aims codes at: only numbers the metadata calls mobile (or cannot tell from fixed) pass.
const SMS_CAPABLE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/** Which numbers may receive 2FA codes: valid, mobile, in an allowed country. */
@Injectable()
export class PhonePolicy {
  constructor(private readonly settings: TwoFactorSettings) {}

  /** The number in E.164, or a 400 that says what to change. */
  accept(input: string): PhoneNumber {
    const phone = parse(input);

    const allowed = this.settings.allowedCountries;
    if (phone.country === undefined || !allowed.includes(phone.country)) {
      const from = phone.country
        ? `${phone.country} (+${phone.callingCode})`
        : `+${phone.callingCode}`;

      throw new InvalidRequestError(
        `phone: codes can only be sent to numbers from ${allowed.join(', ')}; ` +
          `numbers from ${from} are not served.`,
      );
    }
    if (phone.type === undefined || !SMS_CAPABLE_TYPES.has(phone.type)) {
      throw new InvalidRequestError(
        'phone must be a mobile number: codes cannot go to landline, toll-free or premium numbers.',
      );
    }

    return phone;
  }
}

function parse(input: string): PhoneNumber {
  try {
    return normalizePhoneNumber(input);
  } catch (error: unknown) {
    if (error instanceof InvalidPhoneNumberError) {
      throw new InvalidRequestError(error.message);
    }
    throw error;
  }
}
