import { AppError } from '@app/common';
import type { Payment } from '../payments/payment.entity';
import { assertRefundable } from './refund-rules';

const PAYMENT_ID = '6f1c1f0e-0000-4000-8000-000000000001';

const payment = (overrides: Partial<Payment> = {}) => ({
  id: PAYMENT_ID,
  amount: 4900,
  currency: 'eur',
  status: 'paid' as Payment['status'],
  refundedAmount: 0,
  disputedAt: null,
  ...overrides,
});

function refusalOf(check: () => unknown): AppError {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);

    return error as AppError;
  }
  throw new Error('Expected the refund to be refused.');
}

describe('assertRefundable', () => {
  it('refunds everything that is left when no amount is given', () => {
    expect(assertRefundable(payment({ refundedAmount: 1000 }), undefined)).toBe(3900);
  });

  it('takes an amount up to what is left', () => {
    expect(
      assertRefundable(payment({ status: 'partially_refunded', refundedAmount: 1000 }), 3900),
    ).toBe(3900);
  });

  it.each([0, -5, 10.5])('refuses %p as an amount with 400', (amount) => {
    const refusal = refusalOf(() => assertRefundable(payment(), amount));

    expect(refusal.kind).toBe('invalid');
    expect(refusal.message).toContain('whole number above 0');
  });

  it('refuses more than is left with 400, saying how much is left in the currency', () => {
    const refusal = refusalOf(() =>
      assertRefundable(payment({ status: 'partially_refunded', refundedAmount: 1000 }), 4000),
    );

    expect(refusal.kind).toBe('invalid');
    expect(refusal.message).toContain('3900 (EUR 39.00) left to refund');
  });

  it('counts a zero-decimal currency in whole units: 5000 JPY is 5000 yen', () => {
    const yen = payment({ amount: 5000, currency: 'jpy' });

    expect(assertRefundable(yen, 5000)).toBe(5000);
    const refusal = refusalOf(() => assertRefundable(yen, 5001));
    expect(refusal.message).toContain('5000 (JPY 5,000) left');
  });

  it('takes three-decimal currencies in steps of 10, as Stripe does', () => {
    const dinar = payment({ amount: 10000, currency: 'kwd' });

    expect(assertRefundable(dinar, 2500)).toBe(2500);
    expect(refusalOf(() => assertRefundable(dinar, 2505)).message).toContain('multiple of 10');
  });

  it.each<[string, Partial<Payment>]>([
    ['refunded in full already', { status: 'refunded', refundedAmount: 4900 }],
    ['refunded in full already', { status: 'partially_refunded', refundedAmount: 4900 }],
    ['disputed', { disputedAt: new Date() }],
    ['is pending', { status: 'pending' }],
    ['is failed', { status: 'failed' }],
  ])('refuses a payment that is %s with 409', (text, overrides) => {
    const refusal = refusalOf(() => assertRefundable(payment(overrides), undefined));

    expect(refusal.kind).toBe('conflict');
    expect(refusal.message).toContain(text);
  });
});
