import { EmailOutbox } from '@app/email';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager } from 'typeorm';
import type { IssuedActivationToken } from '../activation/activation-tokens';
import type { WizardConfig } from '../config/wizard-env';
import type { Gym } from '../gyms/gym.entity';

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
}
