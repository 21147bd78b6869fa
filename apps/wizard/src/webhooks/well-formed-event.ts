import type { PaymentEvent } from '@app/payments';

const LATEST_SANE_CREATED = 100_000_000_000;

/**
 * Stripe's events always carry these; a signed body without them is not one we can record,
 * and retrying it would never help, so it is refused like a bad signature.
 */
export function isWellFormedEvent(event: PaymentEvent): boolean {
  const { id, type, created, livemode, data } = event as Partial<PaymentEvent>;

  return (
    isStoredText(id) &&
    id.length <= 255 &&
    isStoredText(type) &&
    Number.isInteger(created) &&
    (created as number) > 0 &&
    (created as number) < LATEST_SANE_CREATED &&
    typeof livemode === 'boolean' &&
    typeof data?.object === 'object' &&
    data.object !== null
  );
}

/** PostgreSQL text cannot hold NUL: such an id would fail on every retry, as a 500. */
function isStoredText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && !value.includes('\u0000');
}
