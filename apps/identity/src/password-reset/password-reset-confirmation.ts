import { AppError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountEmails } from '../emails/account-emails';
import type { RequestOrigin } from '../security-events/request-origin';
import { SecurityEvents } from '../security-events/security-events.service';
import { RefreshTokensService } from '../sessions/refresh-tokens.service';
import { PasswordHasher } from '../users/password-hasher';
import { assertAcceptablePassword } from '../users/password-policy';
import { User } from '../users/user.entity';
import { PasswordResetToken } from './password-reset-token.entity';
import { PasswordResetLimits } from './password-reset-limits';
import { assertResetTokenUsable, unknownResetToken } from './reset-token-refusal';
import { hashResetToken } from './reset-tokens';

export interface ResetConfirmation {
  token: string;
  password: string;
}

interface NewPassword {
  userId: string;
  tokenHash: string;
  passwordHash: string;
}

/**
 * Spends a reset link: the new password, the end of every session and the notice email commit
 * together; for a link that cannot be used, nothing changes.
 */
@Injectable()
export class PasswordResetConfirmation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokensService,
    private readonly emails: AccountEmails,
    private readonly events: SecurityEvents,
    private readonly limits: PasswordResetLimits,
  ) {}

  async confirm({ token, password }: ResetConfirmation, origin: RequestOrigin): Promise<void> {
    await this.limits.assertConfirmationAllowedFrom(origin.ip);
    // Refused before the link is looked at: it stays usable for a second try.
    assertAcceptablePassword(password);

    const tokenHash = hashResetToken(token);
    // Checked before hashing too, so that made-up tokens cost no argon2 run.
    const found = await this.dataSource.manager.findOneBy(PasswordResetToken, { tokenHash });
    assertResetTokenUsable(found);

    const passwordHash = await this.hasher.hash(password);

    await this.dataSource.transaction((manager) =>
      this.setPassword(manager, { userId: found.userId, tokenHash, passwordHash }),
    );

    this.events.record({ event: 'password_reset.completed', origin, userId: found.userId });
  }

  private async setPassword(manager: EntityManager, change: NewPassword): Promise<void> {
    // User, then token: the order the request handler locks in, so the two never deadlock.
    const user = await manager.findOne(User, {
      where: { id: change.userId },
      lock: { mode: 'for_no_key_update' },
    });
    if (!user) {
      throw unknownResetToken();
    }

    const reset = await manager.findOne(PasswordResetToken, {
      where: { tokenHash: change.tokenHash, userId: user.id },
      lock: { mode: 'pessimistic_write' },
    });
    // Again under the lock: of two confirmations racing with one link, the second sees it spent.
    assertResetTokenUsable(reset);

    // Said only to whoever holds a live link, as login says it only to whoever knows the password.
    if (user.disabledAt) {
      throw new AppError('forbidden', 'This account is disabled; contact the platform support.');
    }

    const changedAt = new Date();
    await manager.update(PasswordResetToken, { id: reset.id }, { usedAt: changedAt });
    await manager.update(User, { id: user.id }, { passwordHash: change.passwordHash });
    await this.refreshTokens.revokeAllFor(user.id, manager, 'password_reset');
    await this.emails.passwordChanged(manager, user, { changeId: reset.id, changedAt });
  }
}
