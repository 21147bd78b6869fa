import { SmsDeliveryError } from '../sms-delivery.error';
import { InvalidPhoneNumberError, normalizePhoneNumber } from '../phone-number';

/** The E.164 form of a recipient; a number that cannot be one is refused before any call. */
export function recipientOf(to: string): string {
  try {
    return normalizePhoneNumber(to).e164;
  } catch (error: unknown) {
    if (error instanceof InvalidPhoneNumberError) {
      throw new SmsDeliveryError(
        'invalid_number',
        `The recipient is not a valid number (${error.reason})`,
      );
    }
    throw error;
  }
}
