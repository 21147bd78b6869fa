import type { PaymentEvent } from '@app/payments';
import { isWellFormedEvent } from './well-formed-event';

const event = (changes: Record<string, unknown>): PaymentEvent =>
  ({
    id: 'evt_1',
    type: 'checkout.session.completed',
    created: 1_796_000_000,
    livemode: false,
    data: { object: { id: 'cs_1' } },
    ...changes,
  }) as unknown as PaymentEvent;

describe('isWellFormedEvent', () => {
  it('takes what Stripe sends', () => {
    expect(isWellFormedEvent(event({}))).toBe(true);
  });

  it('refuses ids and types PostgreSQL could not store, and missing parts', () => {
    expect(isWellFormedEvent(event({ id: 'evt_\u0000' }))).toBe(false);
    expect(isWellFormedEvent(event({ type: 'checkout\u0000' }))).toBe(false);
    expect(isWellFormedEvent(event({ id: '' }))).toBe(false);
    expect(isWellFormedEvent(event({ created: -1 }))).toBe(false);
    expect(isWellFormedEvent(event({ data: { object: null } }))).toBe(false);
  });
});
