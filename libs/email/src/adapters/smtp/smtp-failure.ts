import type { NodemailerError } from 'nodemailer';
import { EmailDeliveryError } from '../../email-delivery.error';
import { safeCode, safeText } from '../safe-text';

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'EABORT']);

/** Errors that sending the same message again cannot fix: bad credentials or envelope. */
const PERMANENT_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'EENVELOPE', 'ECONFIG']);

/**
 * Turns a nodemailer error into an EmailDeliveryError. SMTP replies follow RFC 5321: 5yz is a
 * permanent refusal (except 503, a session out of step), 4yz a transient one. SMTP has no
 * Retry-After, so a 4yz (421 and 450-452 included) is reported as unavailable and left to the
 * caller's backoff.
 */
export function smtpFailure(error: unknown): EmailDeliveryError {
  // Read by shape: errors raised by Node's sockets may come from another realm (Jest's vm).
  const failure: Partial<NodemailerError> =
    typeof error === 'object' && error !== null ? error : {};
  const code = safeCode(failure.code);
  // For a socket error nodemailer sets ESOCKET and keeps the system code (ECONNREFUSED ...).
  const shown = safeCode(failure.originalCode) ?? code;
  const responseCode = failure.responseCode;

  if ((code && TIMEOUT_CODES.has(code)) || shown === 'ETIMEDOUT') {
    return new EmailDeliveryError('timeout', `SMTP server did not answer in time (${shown})`);
  }

  if (typeof responseCode === 'number') {
    const permanent = responseCode >= 500 && responseCode !== 503;

    return new EmailDeliveryError(
      permanent ? 'permanent' : 'unavailable',
      describeReply(failure, responseCode, code),
      undefined,
      responseCode,
    );
  }

  if (code && PERMANENT_CODES.has(code)) {
    return new EmailDeliveryError('permanent', `SMTP send refused (${code})`);
  }

  const reason = shown ? `SMTP server could not be reached (${shown})` : 'SMTP send failed';

  return new EmailDeliveryError('unavailable', reason);
}

function describeReply(
  failure: Partial<NodemailerError>,
  responseCode: number,
  code?: string,
): string {
  const command = safeText(failure.command, 40);
  const head = `SMTP server answered ${responseCode}${command ? ` to ${command}` : ''}`;

  // An authentication reply may quote a SASL exchange; keep only its code.
  if (code === 'EAUTH') {
    return `${head} (authentication failed)`;
  }

  const reply = safeText(failure.response, 200);

  return reply ? `${head}: ${reply}` : head;
}
