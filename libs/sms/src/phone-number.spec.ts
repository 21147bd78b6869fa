import {
  InvalidPhoneNumberError,
  isPhoneCountry,
  maskPhoneNumber,
  normalizePhoneNumber,
} from './phone-number';

function reasonOf(input: string, defaultCountry?: string): string {
  try {
    normalizePhoneNumber(input, defaultCountry);
  } catch (error: unknown) {
    if (error instanceof InvalidPhoneNumberError) {
      // Fixed wording: what was typed is never echoed (the "+49" of the example aside).
      if (input.trim().length > 5) {
        expect(error.message).not.toContain(input.trim());
      }

      return error.reason;
    }
    throw error;
  }

  throw new Error(`${input} was accepted`);
}

describe('normalizePhoneNumber', () => {
  it.each([
    ['+49 151 23456789', '+4915123456789'],
    ['+49 (0)151 2345-6789', '+4915123456789'],
    ['  +4915123456789 ', '+4915123456789'],
    ['0049 151 23456789', '+4915123456789'],
    ['+43 664 1234567', '+436641234567'],
    ['+41 79 123 45 67', '+41791234567'],
  ])('reads %s as %s', (input, e164) => {
    expect(normalizePhoneNumber(input, 'DE').e164).toBe(e164);
  });

  it('gives the country, the calling code and the type', () => {
    expect(normalizePhoneNumber('+49 151 23456789')).toEqual({
      e164: '+4915123456789',
      country: 'DE',
      callingCode: '49',
      type: 'MOBILE',
    });
    expect(normalizePhoneNumber('+49 30 1234567').type).toBe('FIXED_LINE');
    expect(normalizePhoneNumber('+1 415 555 2671').country).toBe('US');
  });

  it('reads a national number with a default country, and needs one without +', () => {
    expect(normalizePhoneNumber('0151 23456789', 'DE').e164).toBe('+4915123456789');
    expect(reasonOf('0151 23456789')).toBe('no_country');
    expect(reasonOf('0151 23456789', 'not-a-country')).toBe('no_country');
  });

  it('refuses what is no number, too short, too long or impossible', () => {
    expect(reasonOf('call me')).toBe('not_a_number');
    expect(reasonOf('')).toBe('not_a_number');
    expect(reasonOf('+49')).toBe('not_a_number');
    expect(reasonOf(`+49 ${'1'.repeat(60)}`)).toBe('not_a_number');
    expect(reasonOf('+49 151 2345 6789 12345')).toBe('invalid');
    expect(reasonOf('+49 000 0000000')).toBe('invalid');
  });
});

describe('maskPhoneNumber', () => {
  it('keeps the calling code and the last two digits', () => {
    expect(maskPhoneNumber('+4915123456789')).toBe('+49 ••• 89');
    expect(maskPhoneNumber('+14155552671')).toBe('+1 ••• 71');
    expect(maskPhoneNumber('+1')).toBe('•••');
  });
});

describe('isPhoneCountry', () => {
  it('takes upper-case ISO codes the metadata knows', () => {
    expect(isPhoneCountry('DE')).toBe(true);
    expect(isPhoneCountry('de')).toBe(false);
    expect(isPhoneCountry('XX')).toBe(false);
    expect(isPhoneCountry('DEU')).toBe(false);
  });
});
