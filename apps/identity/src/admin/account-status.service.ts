import { AppError, AuthenticatedUser, InvalidRequestError, NotFoundError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import type { RequestOrigin } from '../security-events/request-origin';
import { SecurityEvents } from '../security-events/security-events.service';
import { UserSessionsService } from '../sessions/user-sessions.service';
import { User } from '../users/user.entity';
import { PLATFORM_ADMIN } from './admin-accounts.service';

/** A platform admin turns an account off (and on again). */
@Injectable()
export class AccountStatusService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly sessions: UserSessionsService,
    private readonly events: SecurityEvents,
  ) {}

  /** No more login, refresh or /me; every session ends now. Disabling twice changes nothing. */
  async disable(userId: string, admin: AuthenticatedUser, origin: RequestOrigin): Promise<void> {
    await this.assertPlatformAdmin(admin);
    if (userId === admin.id) {
      throw new InvalidRequestError('An admin cannot disable their own account.');
    }
    await this.assertExists(userId);

    await this.users.update({ id: userId, disabledAt: IsNull() }, { disabledAt: new Date() });
    // Also when it was disabled already: a session started in a race with that ends too.
    await this.sessions.endAll(userId, 'account_disabled');

    this.events.record({ event: 'account.disabled', userId, actorId: admin.id, origin });
  }

  async enable(userId: string, admin: AuthenticatedUser, origin: RequestOrigin): Promise<void> {
    await this.assertPlatformAdmin(admin);
    await this.assertExists(userId);

    await this.users.update({ id: userId, disabledAt: Not(IsNull()) }, { disabledAt: null });

    this.events.record({ event: 'account.enabled', userId, actorId: admin.id, origin });
  }

  // The token's role claim is minutes old; the database says whether it still holds.
  private async assertPlatformAdmin(admin: AuthenticatedUser): Promise<void> {
    const account = await this.users.findOneBy({ id: admin.id });
    if (!account || account.disabledAt || !account.roles.includes(PLATFORM_ADMIN)) {
      throw new AppError('forbidden', 'This needs a platform admin.');
    }
  }

  private async assertExists(userId: string): Promise<void> {
    if (!(await this.users.existsBy({ id: userId }))) {
      throw new NotFoundError('There is no account with this id.');
    }
  }
}
