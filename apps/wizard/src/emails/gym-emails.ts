import { EmailOutbox } from '@app/email';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager } from 'typeorm';
import type { IssuedActivationToken } from '../activation/activation-tokens';
import type { WizardConfig } from '../config/wizard-env';
import type { Gym } from '../gyms/gym.entity';

export interface InvoicePaymentFailure {
  invoiceId: string;
  attempt: number;
  /** Formatted in the invoice's currency. */
  amount: string;
  nextPaymentAttempt: Date | null;
  /** Stripe's hosted invoice page, when the invoice has one. */
  payInvoiceUrl: string | null;
}

/** The emails a gym's owner gets; each is written in the transaction of its cause. */
@Injectable()
export class GymEmails {
  private readonly dashboardUrl: string;

  constructor(
    private readonly outbox: EmailOutbox,
    config: ConfigService<WizardConfig, true>,
  ) {
    this.dashboardUrl = config.get('DASHBOARD_URL', { infer: true }).replace(/\/$/, '');
  }

  async activation(manager: EntityManager, gym: Gym, token: IssuedActivationToken): Promise<void> {
    const activationUrl = `${this.dashboardUrl}/activate?token=${encodeURIComponent(token.token)}`;

    await this.outbox.enqueue(manager, {
      template: 'activation',
      to: gym.ownerEmail,
      gymId: gym.id,
      idempotencyKey: `activation:${gym.id}:${token.id}`,
      data: { gymName: gym.name, activationUrl, expiresAt: token.expiresAt.toISOString() },
    });
  }

  async welcome(manager: EntityManager, gym: Gym): Promise<void> {
    await this.outbox.enqueue(manager, {
      template: 'welcome',
      to: gym.ownerEmail,
      gymId: gym.id,
      idempotencyKey: `welcome:${gym.id}`,
      data: { gymName: gym.name, dashboardUrl: `${this.dashboardUrl}/gyms/${gym.id}` },
    });
  }

  async checkoutPaymentFailed(manager: EntityManager, gym: Gym, sessionId: string): Promise<void> {
    await this.outbox.enqueue(manager, {
      template: 'checkout_payment_failed',
      to: gym.ownerEmail,
      gymId: gym.id,
      idempotencyKey: `checkout-payment-failed:${sessionId}`,
      data: { gymName: gym.name, checkoutUrl: `${this.dashboardUrl}/gyms/${gym.id}/checkout` },
    });
  }

  /** One email per failed attempt; Stripe's own invoice page takes a new card and pays. */
  async invoicePaymentFailed(
    manager: EntityManager,
    gym: Gym,
    failure: InvoicePaymentFailure,
  ): Promise<void> {
    await this.outbox.enqueue(manager, {
      template: 'invoice_payment_failed',
      to: gym.ownerEmail,
      gymId: gym.id,
      idempotencyKey: `invoice-payment-failed:${failure.invoiceId}:${failure.attempt}`,
      data: {
        gymName: gym.name,
        amount: failure.amount,
        nextPaymentAttempt: failure.nextPaymentAttempt?.toISOString() ?? null,
        updatePaymentUrl: failure.payInvoiceUrl ?? `${this.dashboardUrl}/gyms/${gym.id}/billing`,
      },
    });
  }

  /** `key` names the refund (Stripe's refund id, or the charge and its refunded total). */
  async refundConfirmation(
    manager: EntityManager,
    gym: Gym,
    refund: { key: string; amount: string; fullyRefunded: boolean },
  ): Promise<void> {
    await this.outbox.enqueue(manager, {
      template: 'refund_confirmation',
      to: gym.ownerEmail,
      gymId: gym.id,
      idempotencyKey: `refund-confirmation:${refund.key}`,
      data: { gymName: gym.name, amount: refund.amount, fullyRefunded: refund.fullyRefunded },
    });
  }
}
