import { EmailDeliveryError, EmailFailureKind } from '../../email-delivery.error';
import { safeText } from '../safe-text';

type Fields = Record<string, unknown>;

/**
 * The MessageUUID of the accepted message in a Send API v3.1 answer. A 200 can still hold
 * per-message errors, so every message status is checked; throws when one failed or none
 * says success. (MessageID exceeds 2^53, so the UUID is the id we keep.)
 */
export function acceptedMessageUuid(answer: unknown, httpStatus: number): string {
  const failure = messageFailure(answer, httpStatus);
  if (failure) {
    throw failure;
  }

  const [message] = messagesOf(answer);
  const [recipient] = Array.isArray(message?.To) ? message.To : [];
  const uuid = isFields(recipient) ? recipient.MessageUUID : undefined;
  if (typeof uuid !== 'string' || uuid === '') {
    const reason = `Mailjet answered ${httpStatus} without a MessageUUID`;
    throw new EmailDeliveryError('unavailable', reason, undefined, httpStatus);
  }

  return uuid;
}

/** The first message of the answer that Mailjet did not accept, as a delivery error. */
export function messageFailure(
  answer: unknown,
  httpStatus: number,
): EmailDeliveryError | undefined {
  const failed = messagesOf(answer).find((message) => message.Status !== 'success');
  if (!failed) {
    return undefined;
  }

  const [firstError] = Array.isArray(failed.Errors) ? failed.Errors : [];
  const fields = isFields(firstError) ? firstError : {};
  const status = typeof fields.StatusCode === 'number' ? fields.StatusCode : httpStatus;

  return new EmailDeliveryError(
    kindForMailjetStatus(status),
    describeMailjetError(status, fields),
    undefined,
    status,
  );
}

export function kindForMailjetStatus(status: number): EmailFailureKind {
  if (status === 429) {
    return 'rate_limited';
  }
  if (status === 408) {
    return 'timeout';
  }
  if (status >= 400 && status < 500) {
    return 'permanent';
  }

  // 5xx, and any answer we cannot read as a verdict: try again later.
  return 'unavailable';
}

/** Status plus Mailjet's own ErrorMessage and ErrorIdentifier: nothing else is echoed. */
export function describeMailjetError(status: number, fields: Fields): string {
  const message = safeText(fields.ErrorMessage, 300);
  const identifier = safeText(fields.ErrorIdentifier, 80);

  return [
    `Mailjet answered ${status}`,
    message ? `: ${message}` : '',
    identifier ? ` (ErrorIdentifier ${identifier})` : '',
  ].join('');
}

function messagesOf(answer: unknown): Fields[] {
  if (!isFields(answer) || !Array.isArray(answer.Messages)) {
    return [];
  }

  return answer.Messages.filter(isFields);
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
