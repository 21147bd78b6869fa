import type { PaymentRefund } from '@app/payments';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PaymentRefunds } from './payment-refunds';
import { adminAuditOf, type ClaimedRefund } from './refund-attempt';
import { RefundAudit } from './refund-audit';
import type { RefundRequest } from './refund-request.entity';
import { RefundRequests } from './refund-requests';
import type { StripeRefusal } from './stripe-refusal';

/** What Stripe's answer to a claimed refund does, in the claim's transaction. */
@Injectable()
export class RefundSettlement {
  constructor(
    private readonly requests: RefundRequests,
    private readonly paymentRefunds: PaymentRefunds,
    private readonly audit: RefundAudit,
  ) {}

  async refunded(
    manager: EntityManager,
    claimed: ClaimedRefund,
    refund: PaymentRefund,
  ): Promise<RefundRequest> {
    const { payment, request, attempt } = claimed;
    if (refund.status === 'failed' || refund.status === 'canceled') {
      return this.refused(manager, claimed, {
        kind: 'refused',
        status: 409,
        message: `Stripe did not refund payment ${payment.id}: the refund is ${refund.status}.`,
        disputed: false,
      });
    }

    await this.paymentRefunds.add(manager, payment, refund);
    const settled = await this.requests.settle(manager, request.id, {
      status: refund.status === 'succeeded' ? 'succeeded' : 'pending',
      stripeRefundId: refund.refundId,
      refundedAmount: refund.amount,
    });
    await this.audit.record(manager, {
      ...adminAuditOf(payment, attempt),
      amount: refund.amount,
      outcome: settled.status === 'succeeded' ? 'succeeded' : 'pending',
      stripeRefundId: refund.refundId,
    });

    return settled;
  }

  /** A retry throws, so that the claim rolls back; anything else is kept as the key's answer. */
  async refused(
    manager: EntityManager,
    { payment, request, attempt }: ClaimedRefund,
    refusal: StripeRefusal,
  ): Promise<RefundRequest> {
    if (refusal.kind === 'retry') {
      throw refusal.error;
    }

    if (refusal.kind === 'already_refunded') {
      await this.paymentRefunds.markRefundedInFull(manager, payment);
      await this.audit.record(manager, {
        ...adminAuditOf(payment, attempt),
        outcome: 'already_refunded',
        detail: 'Stripe had nothing left to refund; the payment is marked refunded',
      });

      return this.requests.settle(manager, request.id, {
        status: 'already_refunded',
        refundedAmount: 0,
      });
    }

    if (refusal.disputed) {
      await this.paymentRefunds.markDisputed(manager, payment, {
        id: null,
        createdAt: new Date(),
        chargeId: null,
      });
    }
    await this.audit.record(manager, {
      ...adminAuditOf(payment, attempt),
      outcome: 'failed',
      detail: refusal.message,
    });

    return this.requests.settle(manager, request.id, {
      status: 'failed',
      failureStatus: refusal.status,
      failureMessage: refusal.message,
    });
  }
}
