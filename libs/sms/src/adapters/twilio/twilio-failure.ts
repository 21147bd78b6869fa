import { SmsDeliveryError } from '../../sms-delivery.error';
import { describeTwilioKind, kindForTwilioCode, kindForTwilioStatus } from './twilio-error-codes';

/**
 * The parts of what the twilio SDK throws that we read. A RestException or
 * TwilioServiceException carries `status` and `code`; a transport failure is an axios error
 * whose `config` holds the Authorization header (the auth token), so it is never kept.
 */
interface TwilioThrown {
  status?: unknown;
  code?: unknown;
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);

/**
 * Turns whatever the SDK threw into an SmsDeliveryError built from scratch. Twilio's own
 * message is left out too: it quotes the phone number ("The 'To' number +49... is not ...").
 */
export function twilioFailure(error: unknown): SmsDeliveryError {
  const thrown: TwilioThrown = typeof error === 'object' && error !== null ? error : {};
  if (typeof thrown.status !== 'number') {
    return transportFailure(thrown.code);
  }

  const status = thrown.status;
  const code =
    typeof thrown.code === 'number' && Number.isInteger(thrown.code) ? thrown.code : undefined;
  const kind = kindForTwilioCode(code) ?? kindForTwilioStatus(status);
  const codePart = code === undefined ? '' : `Twilio error ${code}, `;

  return new SmsDeliveryError(
    kind,
    `SMS not sent: ${describeTwilioKind(kind)} (${codePart}HTTP ${status})`,
    code,
    status,
  );
}

function transportFailure(code: unknown): SmsDeliveryError {
  const knownCode = typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? code : undefined;
  if (knownCode && TIMEOUT_CODES.has(knownCode)) {
    return new SmsDeliveryError('unavailable', `Twilio did not answer in time (${knownCode})`);
  }

  const reason = knownCode ? `Twilio could not be reached (${knownCode})` : 'Twilio request failed';

  return new SmsDeliveryError('unavailable', reason);
}
