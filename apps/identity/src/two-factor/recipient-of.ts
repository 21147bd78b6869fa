import { InvalidPhoneNumberError, normalizePhoneNumber } from '@app/sms';
import type { CodeRecipient } from './two-factor-challenges';

// The per-country cap's bucket for a stored number the current metadata no longer places.
const UNKNOWN_COUNTRY = 'ZZ';

/**
 * A stored, verified number as the recipient of a code. It is sent as stored: newer phone
 * metadata refusing it must not lock its owner out, so only the country is read here.
 */
export function verifiedRecipient(userId: string, phone: string, ip: string | null): CodeRecipient {
  return { userId, phone, country: countryOf(phone), ip };
}

function countryOf(phone: string): string {
  try {
    return normalizePhoneNumber(phone).country ?? UNKNOWN_COUNTRY;
  } catch (error: unknown) {
    if (error instanceof InvalidPhoneNumberError) {
      return UNKNOWN_COUNTRY;
    }
    throw error;
  }
}
