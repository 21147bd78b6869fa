import type { PaymentEvent } from '@app/payments';

const LATEST_SANE_CREATED = 100_000_000_000;

/**
 * Stripe's events always carry these; a signed body without them is not one we can record,
 * and retrying it would never help, so it is refused like a bad signature.
 */
export function isWellFormedEvent(event: PaymentEvent): boolean {
  const { id, type, created, livemode, data } = event as Partial<PaymentEvent>;

  return (
    typeof id === 'string' &&
    id.length > 0 &&
    id.length <= 255 &&
    typeof type === 'string' &&
    type.length > 0 &&
    Number.isInteger(created) &&
    (created as number) > 0 &&
    (created as number) < LATEST_SANE_CREATED &&
    typeof livemode === 'boolean' &&
    typeof data?.object === 'object' &&
    data.object !== null
  );
}
