import { renderEmail } from './email-templates';

const hostile = '<script>alert("x")</script>';

describe('billing and refund email templates', () => {
  describe('invoice_payment_failed', () => {
    const data = {
      gymName: 'Iron Gym',
      amount: 'EUR 49.00',
      nextPaymentAttempt: '2026-02-04T00:00:00.000Z',
      updatePaymentUrl: 'https://invoice.stripe.com/i/test_1',
    };

    it('says what failed, when Stripe tries again, and where to update the card', () => {
      const email = renderEmail('invoice_payment_failed', data);

      expect(email.subject).toBe('The payment for Iron Gym failed: please update your card');
      expect(email.text).toContain('EUR 49.00');
      expect(email.text).toContain('4 February 2026');
      expect(email.text).toContain('https://invoice.stripe.com/i/test_1');
      expect(email.html).toContain('href="https://invoice.stripe.com/i/test_1"');
    });

    it('says when Stripe will not try again, and escapes the gym name', () => {
      const email = renderEmail('invoice_payment_failed', {
        ...data,
        gymName: hostile,
        nextPaymentAttempt: null,
      });

      expect(email.text).toContain('will not try your card again');
      expect(email.html).not.toContain('<script>');
    });
  });

  describe('refund_confirmation', () => {
    it('confirms the amount, in full or in part', () => {
      const full = renderEmail('refund_confirmation', {
        gymName: 'Iron Gym',
        amount: 'JPY 5,000',
        fullyRefunded: true,
      });
      const part = renderEmail('refund_confirmation', {
        gymName: hostile,
        amount: 'EUR 10.00',
        fullyRefunded: false,
      });

      expect(full.subject).toBe('Refund of JPY 5,000 for Iron Gym');
      expect(full.text).toContain('refunded in full');
      expect(part.text).toContain('partial refund');
      expect(part.html).not.toContain('<script>');
    });
  });

  describe('admin emails', () => {
    it('tells admins which gym, owner and invoice failed', () => {
      const email = renderEmail('admin_invoice_payment_failed', {
        gymName: 'Iron Gym',
        gymId: 'gym-1',
        ownerEmail: 'owner@gym.example.test',
        invoiceId: 'in_1',
        amount: 'EUR 49.00',
        attemptCount: 2,
        nextPaymentAttempt: null,
      });

      expect(email.subject).toBe('[Admin] Renewal payment failed for Iron Gym');
      expect(email.text).toContain('owner@gym.example.test');
      expect(email.text).toContain('in_1, EUR 49.00, attempt 2');
      expect(email.text).toContain('Stripe stops trying');
    });

    it('tells admins of a dispute, with or without a payment of ours', () => {
      const data = {
        disputeId: 'dp_1',
        chargeId: 'ch_1',
        amount: 'EUR 49.00',
        reason: 'fraudulent',
        evidenceDueBy: '2026-02-01T00:00:00.000Z',
        gymName: hostile,
        gymId: 'gym-1',
        paymentId: 'pay-1',
      };

      const matched = renderEmail('admin_dispute_created', data);
      const unmatched = renderEmail('admin_dispute_created', {
        ...data,
        gymName: null,
        gymId: null,
        paymentId: null,
      });

      expect(matched.text).toContain('dp_1 (fraudulent), EUR 49.00');
      expect(matched.html).not.toContain('<script>');
      expect(unmatched.subject).toBe('[Admin] Dispute of EUR 49.00');
      expect(unmatched.text).toContain('no payment of ours matches');
    });
  });
});
