import {
  type CountryCode,
  isSupportedCountry,
  type NumberType,
  ParseError,
  parsePhoneNumberWithError,
} from 'libphonenumber-js/max';

/** A number checked against the full metadata, in the one form we store and send. */
export interface PhoneNumber {
  /** E.164, e.g. +4915123456789. */
  e164: string;
  /** ISO 3166-1 alpha-2 region of the number, e.g. DE; undefined for non-geographic numbers. */
  country?: string;
  /** The calling code without "+", e.g. 49. */
  callingCode: string;
  /** MOBILE, FIXED_LINE ... as libphonenumber-js reads it; undefined when it cannot tell. */
  type?: NumberType;
}

export type InvalidPhoneNumberReason = 'not_a_number' | 'no_country' | 'invalid';

/** A client mistake: the message says what to change and never repeats the number. */
export class InvalidPhoneNumberError extends Error {
  override readonly name = 'InvalidPhoneNumberError';

  constructor(
    readonly reason: InvalidPhoneNumberReason,
    message: string,
  ) {
    super(message);
  }
}

// Longer than any phone number written with spaces and brackets; keeps the parser's work small.
const MAX_INPUT_LENGTH = 40;

const MESSAGES: Record<InvalidPhoneNumberReason, string> = {
  not_a_number: 'phone must be a phone number, e.g. +49 151 23456789',
  no_country: 'phone must start with + and the country calling code, e.g. +49 151 23456789',
  invalid: 'phone is not a valid number for its country; check the digits',
};

/**
 * Parses what a person typed ("+49 151 2345-6789", "0151 23456789" with a default country)
 * into E.164. Uses the full metadata ("max"), so a number of the right length but an
 * impossible range is refused too.
 */
export function normalizePhoneNumber(input: string, defaultCountry?: string): PhoneNumber {
  const text = input.trim();
  if (text === '' || text.length > MAX_INPUT_LENGTH) {
    throw new InvalidPhoneNumberError('not_a_number', MESSAGES.not_a_number);
  }

  const parsed = parseOrThrow(text, asCountryCode(defaultCountry));
  if (!parsed.isValid()) {
    throw new InvalidPhoneNumberError('invalid', MESSAGES.invalid);
  }

  return {
    e164: parsed.number,
    country: parsed.country,
    callingCode: parsed.countryCallingCode,
    type: parsed.getType(),
  };
}

/** For messages and logs: the country code and the last two digits, e.g. "+49 ••• 89". */
export function maskPhoneNumber(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  if (digits.length < 6) {
    return '•••';
  }

  const parsed = safeParse(e164);
  const callingCode = parsed?.countryCallingCode ?? digits.slice(0, 2);

  return `+${callingCode} ••• ${digits.slice(-2)}`;
}

/** True for an ISO 3166-1 alpha-2 code that the phone metadata knows (DE, AT, US ...). */
export function isPhoneCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}

function parseOrThrow(text: string, defaultCountry: CountryCode | undefined) {
  try {
    return parsePhoneNumberWithError(text, { defaultCountry });
  } catch (error: unknown) {
    if (!(error instanceof ParseError)) {
      throw error;
    }
    const reason = error.message === 'INVALID_COUNTRY' ? 'no_country' : 'not_a_number';

    throw new InvalidPhoneNumberError(reason, MESSAGES[reason]);
  }
}

function safeParse(e164: string) {
  try {
    return parsePhoneNumberWithError(e164);
  } catch (error: unknown) {
    if (error instanceof ParseError) {
      return undefined;
    }
    throw error;
  }
}

function asCountryCode(code: string | undefined): CountryCode | undefined {
  return code !== undefined && isPhoneCountry(code) ? (code as CountryCode) : undefined;
}
