import { EmailOutbox } from '@app/email';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { IdentityConfig } from '../config/identity-env';
import type { User } from '../users/user.entity';

export interface ResetLinkToSend {
  /** Names the email: one per issued token. */
  id: string;
  token: string;
  expiresAt: Date;
}

/**
 * The emails an account gets, each written in the transaction of its cause. They go to the
 * address stored on the account, never to one a request carried.
 */
@Injectable()
export class AccountEmails {
  private readonly resetPage: string;

  constructor(
    private readonly outbox: EmailOutbox,
    config: ConfigService<IdentityConfig, true>,
  ) {
    this.resetPage = config.get('PASSWORD_RESET_URL', { infer: true });
  }

  async passwordReset(manager: EntityManager, user: User, link: ResetLinkToSend): Promise<void> {
    await this.outbox.enqueue(manager, {
      template: 'password_reset',
      to: user.email,
      idempotencyKey: `password-reset:${link.id}`,
      data: {
        name: user.name,
        resetUrl: this.resetUrlOf(link.token),
        expiresAt: link.expiresAt.toISOString(),
      },
    });
  }

  /** `changeId` names the change (the reset token spent), so a retry sends one notice. */
  async passwordChanged(
    manager: EntityManager,
    user: User,
    change: { changeId: string; changedAt: Date },
  ): Promise<void> {
    await this.outbox.enqueue(manager, {
      template: 'password_changed',
      to: user.email,
      idempotencyKey: `password-changed:${change.changeId}`,
      data: { name: user.name, changedAt: change.changedAt.toISOString() },
    });
  }

  // From config only: a Host header an attacker sets cannot point the link at their site.
  private resetUrlOf(token: string): string {
    const url = new URL(this.resetPage);
    url.searchParams.set('token', token);

    return url.toString();
  }
}
