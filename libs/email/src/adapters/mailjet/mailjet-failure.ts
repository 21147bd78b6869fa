import { EmailDeliveryError } from '../../email-delivery.error';
import { parseRetryAfter } from '../retry-after';
import { safeCode } from '../safe-text';
import { describeMailjetError, kindForMailjetStatus, messageFailure } from './mailjet-answer';

/** The parts of a node-mailjet error we read; it also holds the API key, which we never touch. */
interface MailjetThrown {
  code?: unknown;
  response?: { status?: unknown; headers?: Record<string, unknown>; data?: unknown } | null;
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);

/**
 * Turns whatever node-mailjet threw into an EmailDeliveryError built from scratch. The raw
 * error carries the API key and secret (`config.auth`, headers), so it is neither kept as a
 * cause nor logged.
 */
export function mailjetFailure(error: unknown): EmailDeliveryError {
  const thrown: MailjetThrown = typeof error === 'object' && error !== null ? error : {};
  const status = thrown.response?.status;
  if (typeof status !== 'number') {
    return transportFailure(thrown.code);
  }

  const data = thrown.response?.data;
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(thrown.response?.headers?.['retry-after']);

    return new EmailDeliveryError('rate_limited', describe(status, data), retryAfterMs, status);
  }

  const perMessage = status === 400 ? messageFailure(data, status) : undefined;
  if (perMessage) {
    return perMessage;
  }

  return new EmailDeliveryError(
    kindForMailjetStatus(status),
    describe(status, data),
    undefined,
    status,
  );
}

function transportFailure(code: unknown): EmailDeliveryError {
  const knownCode = safeCode(code);
  if (knownCode && TIMEOUT_CODES.has(knownCode)) {
    return new EmailDeliveryError('timeout', `Mailjet did not answer in time (${knownCode})`);
  }

  const reason = knownCode
    ? `Mailjet could not be reached (${knownCode})`
    : 'Mailjet request failed';

  return new EmailDeliveryError('unavailable', reason);
}

function describe(status: number, data: unknown): string {
  const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};

  return describeMailjetError(status, fields);
}
