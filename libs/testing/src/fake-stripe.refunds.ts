import type Stripe from 'stripe';

import {
  fakeStripeId,
  FakeStripeResponse,
  invalidRequest,
  nowSeconds,
  object,
  ok,
  text,
} from './fake-stripe.resources';
import { stripeApiError, stripeFixture } from './stripe-fixtures';
import type { StripeFormObject } from './stripe-form-encoding';

/** A charge whose refunds the fake keeps count of, so that it refuses what Stripe refuses. */
export interface FakeStripeCharge {
  id: string;
  paymentIntentId?: string;
  amount: number;
  currency: string;
  amountRefunded?: number;
  disputed?: boolean;
}

function refusal(name: string, message: string): FakeStripeResponse {
  const { status, body } = stripeApiError(name);
  const { error } = body as { error: Record<string, unknown> };

  return { status, body: { error: { ...error, message } } };
}

/**
 * POST /v1/refunds. A refund of a charge added with `addCharge` checks what is left, as Stripe
 * does; any other refund is shaped like refund.object.succeeded.json with what was asked.
 */
export class FakeStripeRefunds {
  private readonly charges = new Map<string, Required<FakeStripeCharge>>();

  addCharge(charge: FakeStripeCharge): void {
    this.charges.set(charge.id, {
      paymentIntentId: '',
      amountRefunded: 0,
      disputed: false,
      ...charge,
    });
  }

  /** What the fake holds for a charge, by charge id or payment intent id. */
  charge(id: string): Readonly<Required<FakeStripeCharge>> | undefined {
    return this.find(id);
  }

  clear(): void {
    this.charges.clear();
  }

  create(params: StripeFormObject): FakeStripeResponse {
    const chargeId = text(params.charge);
    const paymentIntentId = text(params.payment_intent);
    if (!chargeId && !paymentIntentId) {
      return invalidRequest(
        'One of the following params should be provided for this request: payment_intent or charge.',
        'parameter_missing',
      );
    }

    const amount = typeof params.amount === 'string' ? Number(params.amount) : undefined;
    const charge = this.find(chargeId ?? paymentIntentId ?? '');
    if (!charge) {
      return this.answer(params, { amount, chargeId, paymentIntentId });
    }
    if (charge.disputed) {
      return refusal(
        'charge_disputed',
        `Charge ${charge.id} has been charged back; cannot issue a refund.`,
      );
    }

    const left = charge.amount - charge.amountRefunded;
    if (left === 0) {
      return refusal('charge_already_refunded', `Charge ${charge.id} has already been refunded.`);
    }
    if (amount !== undefined && amount > left) {
      return refusal(
        'refund_exceeds_remaining',
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
      );
    }

    charge.amountRefunded += amount ?? left;

    return this.answer(params, {
      amount: amount ?? left,
      currency: charge.currency,
      chargeId: charge.id,
      paymentIntentId: charge.paymentIntentId || null,
    });
  }

  private find(id: string): Required<FakeStripeCharge> | undefined {
    return this.charges.get(id) ?? [...this.charges.values()].find((c) => c.paymentIntentId === id);
  }

  private answer(
    params: StripeFormObject,
    refund: {
      amount?: number;
      currency?: string;
      chargeId: string | null;
      paymentIntentId: string | null;
    },
  ): FakeStripeResponse {
    const template = stripeFixture<Stripe.Refund>('refund.object.succeeded');

    return ok({
      ...template,
      id: fakeStripeId('re_test_'),
      created: nowSeconds(),
      amount: refund.amount ?? template.amount,
      currency: refund.currency ?? template.currency,
      charge: refund.chargeId ?? template.charge,
      payment_intent: refund.paymentIntentId ?? template.payment_intent,
      reason: text(params.reason),
      metadata: object(params.metadata),
    });
  }
}
