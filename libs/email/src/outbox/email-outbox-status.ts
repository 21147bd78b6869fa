/**
 * pending: waiting for the relay; queued: handed to the work queue; sending: a worker holds it;
 * retrying: waiting out a backoff; sent: the provider took it; failed: the provider will never
 * take it; dead: every attempt was used. Only failed and dead rows wait for an admin.
 */
export const EMAIL_OUTBOX_STATUSES = [
  'pending',
  'queued',
  'sending',
  'retrying',
  'sent',
  'failed',
  'dead',
] as const;

export type EmailOutboxStatus = (typeof EMAIL_OUTBOX_STATUSES)[number];

export const EMAIL_OUTBOX_TABLE = 'email_outbox';
