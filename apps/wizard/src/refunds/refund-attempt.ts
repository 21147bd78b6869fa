import type { AuthenticatedUser } from '@app/common';
import type { RefundReason } from '@app/payments';
import type { Payment } from '../payments/payment.entity';
import type { RefundAuditRecord } from './refund-audit';
import type { RefundRequest } from './refund-request.entity';

export interface RefundCommand {
  admin: AuthenticatedUser;
  paymentId: string;
  idempotencyKey: string | undefined;
  amount?: number;
  reason?: RefundReason;
}

/** A command with its key checked and what it asks for fingerprinted. */
export interface RefundAttempt {
  command: RefundCommand;
  idempotencyKey: string;
  fingerprint: string;
}

/** An attempt that holds its key, and the payment it locked. */
export interface ClaimedRefund {
  payment: Payment;
  request: RefundRequest;
  attempt: RefundAttempt;
}

/** The audit row of an attempt by a platform admin: the amount asked (null: all that is left). */
export function adminAuditOf(payment: Payment, attempt: RefundAttempt): RefundAuditRecord {
  return {
    paymentId: payment.id,
    gymId: payment.gymId,
    source: 'admin_api',
    actorId: attempt.command.admin.id,
    actorEmail: attempt.command.admin.email,
    amount: attempt.command.amount ?? null,
    currency: payment.currency,
    outcome: 'rejected',
    detail: null,
    stripeRefundId: null,
    idempotencyKey: attempt.idempotencyKey,
    stripeEventId: null,
  };
}
