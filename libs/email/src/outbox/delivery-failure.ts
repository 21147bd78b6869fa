import { EmailDeliveryError, EmailFailureKind } from '../email-delivery.error';

export interface DeliveryFailure {
  kind: EmailFailureKind;
  /** Safe to store, log and show to an admin. */
  message: string;
  retryAfterMs?: number;
}

const MAX_MESSAGE_LENGTH = 500;

/**
 * Only an EmailDeliveryError carries a message known to be safe. Anything else may hold a key
 * (an SDK error can carry its request config), so only its class name is kept.
 */
export function toDeliveryFailure(error: unknown): DeliveryFailure {
  if (error instanceof EmailDeliveryError) {
    return {
      kind: error.kind,
      message: error.message.slice(0, MAX_MESSAGE_LENGTH),
      retryAfterMs: error.retryAfterMs,
    };
  }

  const name = error instanceof Error ? error.name : typeof error;

  return { kind: 'unavailable', message: `Unexpected ${name} from the email provider` };
}
