import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountEmails } from '../emails/account-emails';
import type { SecurityEvent } from '../security-events/security-event';
import { User } from '../users/user.entity';
import type { PendingPasswordReset } from './pending-password-reset.entity';
import { ResetTokens } from './reset-tokens';

/**
 * Turns one accepted request into a link and its email; into nothing for an unknown email or a
 * disabled account.
 */
@Injectable()
export class PasswordResetRequestHandler {
  constructor(
    private readonly tokens: ResetTokens,
    private readonly emails: AccountEmails,
  ) {}

  /** Returns the security event to record once the transaction has committed. */
  async handle(manager: EntityManager, request: PendingPasswordReset): Promise<SecurityEvent> {
    const origin = { ip: request.clientIp, userAgent: request.clientUserAgent };

    // The lock puts two requests for one account in a row, so the later one voids the earlier link.
    const user = await manager.findOne(User, {
      where: { emailNormalized: request.emailNormalized },
      lock: { mode: 'for_no_key_update' },
    });
    if (!user || user.disabledAt) {
      return {
        event: 'password_reset.requested',
        origin,
        userId: user?.id,
        email: request.emailNormalized,
        reason: user ? 'account_disabled' : 'unknown_email',
      };
    }

    const link = await this.tokens.issue(manager, user.id);
    await this.emails.passwordReset(manager, user, link);

    return { event: 'password_reset.requested', origin, userId: user.id, email: user.email };
  }
}
