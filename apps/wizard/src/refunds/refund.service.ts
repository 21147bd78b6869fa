import { AppError, ConflictError, InvalidRequestError, NotFoundError } from '@app/common';
import {
  InjectPaymentsService,
  IPaymentsService,
  PaymentProviderError,
  type PaymentRefund,
} from '@app/payments';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { WizardConfig } from '../config/wizard-env';
import { PaidInvoices } from '../payments/paid-invoices';
import { Payment } from '../payments/payment.entity';
import { adminAuditOf, type RefundAttempt, type RefundCommand } from './refund-attempt';
import { RefundAudit } from './refund-audit';
import { checkedIdempotencyKey, refundFingerprint } from './refund-keys';
import type { RefundRequest } from './refund-request.entity';
import { RefundRequests } from './refund-requests';
import { assertRefundable } from './refund-rules';
import { RefundSettlement } from './refund-settlement';
import { RefundView } from './refund.view';
import { stripeRefusalOf } from './stripe-refusal';

/** Admin refunds through Stripe: one refund per Idempotency-Key, however often it is sent. */
@Injectable()
export class RefundService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectPaymentsService() private readonly payments: IPaymentsService,
    private readonly requests: RefundRequests,
    private readonly settlement: RefundSettlement,
    private readonly paidInvoices: PaidInvoices,
    private readonly audit: RefundAudit,
    private readonly config: ConfigService<WizardConfig, true>,
  ) {}

  async refund(command: RefundCommand): Promise<RefundView> {
    if (!this.config.get('STRIPE_SECRET_KEY', { infer: true })) {
      throw new AppError('unavailable', 'Payments are not configured: set STRIPE_SECRET_KEY.');
    }
    const idempotencyKey = checkedIdempotencyKey(command.idempotencyKey);
    const payment = await this.dataSource.manager.findOneBy(Payment, { id: command.paymentId });
    if (!payment) {
      throw new NotFoundError(`There is no payment ${command.paymentId}.`);
    }
    const attempt = { command, idempotencyKey, fingerprint: refundFingerprint(command) };

    const earlier = await this.requests.find(this.dataSource.manager, idempotencyKey);
    if (earlier) {
      return this.answer(earlier, payment, attempt);
    }

    let request: RefundRequest;
    try {
      assertRefundable(payment, command.amount);
      await this.ensureRefundTarget(payment);
      request = await this.dataSource.transaction((manager) => this.run(manager, attempt));
    } catch (error) {
      await this.auditRefusal(payment, attempt, error);
      throw error;
    }

    return this.answer(request, payment, attempt);
  }

  /** One transaction that holds the payment's lock and the key: Stripe is called once per key. */
  private async run(manager: EntityManager, attempt: RefundAttempt): Promise<RefundRequest> {
    const { command, idempotencyKey } = attempt;
    const payment = await manager.findOneOrFail(Payment, {
      where: { id: command.paymentId },
      lock: { mode: 'pessimistic_write' },
    });
    const request = await this.requests.claim(manager, {
      idempotencyKey,
      fingerprint: attempt.fingerprint,
      paymentId: payment.id,
      gymId: payment.gymId,
      requestedBy: command.admin.id,
      requestedAmount: command.amount ?? null,
      reason: command.reason ?? null,
    });
    if (!request) {
      return this.sameKeyAnswer(manager, idempotencyKey);
    }

    assertRefundable(payment, command.amount);

    const claimed = { payment, request, attempt };
    let refund: PaymentRefund;
    try {
      refund = await this.payments.createRefund({
        paymentIntentId: payment.stripePaymentIntentId,
        chargeId: payment.stripeChargeId,
        amount: command.amount,
        reason: command.reason,
        metadata: { payment_id: payment.id, gym_id: payment.gymId, admin_user: command.admin.id },
        idempotencyKey,
      });
    } catch (error) {
      if (!(error instanceof PaymentProviderError)) {
        throw error;
      }

      return this.settlement.refused(manager, claimed, stripeRefusalOf(error, payment.id));
    }

    return this.settlement.refunded(manager, claimed, refund);
  }

  /** The same key gets the same answer: the refund, or the same refusal. */
  private answer(request: RefundRequest, payment: Payment, attempt: RefundAttempt): RefundView {
    if (request.fingerprint !== attempt.fingerprint) {
      throw new ConflictError(
        'This Idempotency-Key was used for another refund request (another payment, amount or ' +
          'reason); send a new key for a new request.',
      );
    }
    if (request.status === 'failed') {
      const message = request.failureMessage ?? 'Stripe refused the refund.';
      throw request.failureStatus === 400
        ? new InvalidRequestError(message)
        : new ConflictError(message);
    }

    return RefundView.of(request, payment);
  }

  // The twin that held the key has committed by now: its lock on the payment came first.
  private async sameKeyAnswer(manager: EntityManager, key: string): Promise<RefundRequest> {
    const twin = await this.requests.find(manager, key);
    if (!twin) {
      throw new ConflictError(
        'Another request with this Idempotency-Key is running; retry shortly.',
      );
    }

    return twin;
  }

  /** Payments recorded before Stripe said what paid them are looked up now. */
  private async ensureRefundTarget(payment: Payment): Promise<void> {
    const reference = await this.paidInvoices
      .referenceOf(this.dataSource.manager, payment)
      .catch((error: unknown) => {
        if (error instanceof PaymentProviderError) {
          throw new AppError('unavailable', 'Stripe cannot be asked about this payment right now.');
        }
        throw error;
      });
    if (!reference) {
      throw new ConflictError(
        `Stripe has not said which charge paid payment ${payment.id} yet; try again shortly.`,
      );
    }
  }

  /** What was refused before anything was kept (bad amount, Stripe unreachable) is audited too. */
  private async auditRefusal(
    payment: Payment,
    attempt: RefundAttempt,
    error: unknown,
  ): Promise<void> {
    if (!(error instanceof AppError)) {
      return;
    }

    await this.audit.record(undefined, {
      ...adminAuditOf(payment, attempt),
      amount: attempt.command.amount ?? null,
      outcome: error.kind === 'unavailable' ? 'failed' : 'rejected',
      detail: error.message,
    });
  }
}
