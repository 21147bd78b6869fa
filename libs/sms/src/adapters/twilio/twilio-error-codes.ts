import type { SmsFailureKind } from '../../sms-delivery.error';

/**
 * Twilio's error codes (https://www.twilio.com/docs/api/errors) that say more than the HTTP
 * status. A code missing here falls back to its status: see kindForTwilioStatus.
 */
const KIND_OF_CODE: Record<number, SmsFailureKind> = {
  21211: 'invalid_number', // invalid 'To' number
  21217: 'invalid_number', // the number does not appear to be valid
  21265: 'invalid_number', // 'To' cannot be a short code
  21401: 'invalid_number', // invalid phone number
  21407: 'invalid_number', // this number type does not support SMS
  21612: 'invalid_number', // the 'To' number cannot be reached by SMS
  21614: 'invalid_number', // 'To' is not a mobile number
  21610: 'opted_out', // the recipient replied STOP
  21408: 'region_not_allowed', // geo permissions do not cover the destination
  14107: 'rate_limited', // SMS send rate limit exceeded
  20429: 'rate_limited', // too many requests
  10001: 'config', // account not active
  20003: 'config', // authentication failed
  20005: 'config', // account not active
  20404: 'config', // the account (SID) in the URL does not exist
  21212: 'config', // invalid 'From' number
  21606: 'config', // 'From' is not an SMS-capable number of the account
  21608: 'config', // trial account: the recipient is not verified
  21659: 'config', // 'From' is not a Twilio number of the account
};

const DESCRIPTIONS: Record<SmsFailureKind, string> = {
  invalid_number: 'the number cannot receive SMS',
  opted_out: 'the recipient has opted out of messages from this sender',
  region_not_allowed: 'the account may not send SMS to this country',
  rate_limited: 'too many requests; slow down',
  config: 'the account, its credentials or the sender number are wrong',
  unavailable: 'Twilio is not available',
  rejected: 'Twilio refused the message',
};

export function kindForTwilioCode(code: number | undefined): SmsFailureKind | undefined {
  return code === undefined ? undefined : KIND_OF_CODE[code];
}

export function kindForTwilioStatus(status: number): SmsFailureKind {
  if (status === 429) {
    return 'rate_limited';
  }
  if (status === 401 || status === 403) {
    return 'config';
  }

  return status >= 500 ? 'unavailable' : 'rejected';
}

export function describeTwilioKind(kind: SmsFailureKind): string {
  return DESCRIPTIONS[kind];
}
