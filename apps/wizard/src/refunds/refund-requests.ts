import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RefundRequest } from './refund-request.entity';

export type NewRefundRequest = Pick<
  RefundRequest,
  | 'idempotencyKey'
  | 'fingerprint'
  | 'paymentId'
  | 'gymId'
  | 'requestedBy'
  | 'requestedAmount'
  | 'reason'
>;

/** The refund_requests table: one row per Idempotency-Key. */
@Injectable()
export class RefundRequests {
  find(manager: EntityManager, idempotencyKey: string): Promise<RefundRequest | null> {
    return manager.findOneBy(RefundRequest, { idempotencyKey });
  }

  /**
   * Takes the key for this transaction; null when it is taken. A concurrent request with the
   * same key waits here until the first one commits (then finds its answer) or rolls back.
   */
  async claim(manager: EntityManager, request: NewRefundRequest): Promise<RefundRequest | null> {
    const claimed: Array<{ id: string }> = await manager.query(
      `INSERT INTO refund_requests
         (idempotency_key, fingerprint, payment_id, gym_id, requested_by, requested_amount, reason,
          status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'processing')
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        request.idempotencyKey,
        request.fingerprint,
        request.paymentId,
        request.gymId,
        request.requestedBy,
        request.requestedAmount,
        request.reason,
      ],
    );

    return claimed.length > 0
      ? manager.findOneByOrFail(RefundRequest, { id: claimed[0].id })
      : null;
  }

  async settle(
    manager: EntityManager,
    id: string,
    outcome: Partial<
      Pick<
        RefundRequest,
        'status' | 'stripeRefundId' | 'refundedAmount' | 'failureStatus' | 'failureMessage'
      >
    >,
  ): Promise<RefundRequest> {
    await manager.update(RefundRequest, { id }, outcome);

    return manager.findOneByOrFail(RefundRequest, { id });
  }
}
