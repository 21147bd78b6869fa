/** The module options with every default applied. */
export const RESOLVED_EMAIL_OUTBOX_OPTIONS = Symbol('RESOLVED_EMAIL_OUTBOX_OPTIONS');

/** The work queue shared by the relay (publisher) and the worker (consumer). */
export const EMAIL_QUEUE_DEFINITION = Symbol('EMAIL_QUEUE_DEFINITION');
