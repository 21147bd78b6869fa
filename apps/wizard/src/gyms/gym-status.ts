export const GYM_STATUSES = [
  'draft',
  'pending_payment',
  'paid',
  'active',
  'past_due',
  'canceled',
] as const;

export type GymStatus = (typeof GYM_STATUSES)[number];

/** A gym can be sent to checkout only while nobody has paid for it yet. */
export const CHECKOUT_ALLOWED: readonly GymStatus[] = ['draft', 'pending_payment'];
