/**
 * invalid_number: the number cannot take SMS (malformed, landline, unknown);
 * opted_out: the recipient replied STOP; region_not_allowed: the account may not send there;
 * rate_limited: the provider asks us to slow down; config: our credentials or sender are wrong;
 * unavailable: no answer, a timeout or a 5xx; rejected: any other refusal of this message.
 */
export type SmsFailureKind =
  | 'invalid_number'
  | 'opted_out'
  | 'region_not_allowed'
  | 'rate_limited'
  | 'config'
  | 'unavailable'
  | 'rejected';

export class SmsDeliveryError extends Error {
  override readonly name = 'SmsDeliveryError';

  constructor(
    readonly kind: SmsFailureKind,
    /** Safe to store and log: never holds a credential, a phone number or a message body. */
    message: string,
    /** The provider's own error code (Twilio's 21211 ...), when it gave one. */
    readonly providerCode?: number,
    readonly status?: number,
  ) {
    super(message);
  }
}
