import { paidInvoice } from '@app/testing';
import type Stripe from 'stripe';

import { invoicePaymentReferenceOf } from './invoice-payment-reference';

const invoice = paidInvoice({
  invoiceId: 'in_spec_01',
  subscriptionId: 'sub_spec_01',
  gymId: 'gym_spec_01',
  paymentIntentId: 'pi_spec_01',
});

describe('invoicePaymentReferenceOf', () => {
  it('reads expanded payments (current API versions)', () => {
    expect(invoicePaymentReferenceOf(invoice)).toEqual({
      paymentIntentId: 'pi_spec_01',
      chargeId: null,
    });
  });

  it('reads the top-level payment_intent and charge of older API versions', () => {
    const legacy = { ...invoice, payments: undefined, payment_intent: 'pi_old', charge: 'ch_old' };

    expect(invoicePaymentReferenceOf(legacy as unknown as Stripe.Invoice)).toEqual({
      paymentIntentId: 'pi_old',
      chargeId: 'ch_old',
    });
  });

  it('is null when the event says nothing about the payment (payments not expanded)', () => {
    expect(invoicePaymentReferenceOf({ ...invoice, payments: undefined })).toBeNull();
  });
});
