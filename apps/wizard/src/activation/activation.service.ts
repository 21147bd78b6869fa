import { AppError, InvalidRequestError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GymEmails } from '../emails/gym-emails';
import { Gym } from '../gyms/gym.entity';
import { IdentitySyncOutbox } from '../identity-sync/identity-sync-outbox';
import { ActivationToken } from './activation-token.entity';
import { hashActivationToken } from './activation-tokens';
import { ActivationResultView } from './dto/activate.dto';

@Injectable()
export class ActivationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly emails: GymEmails,
    private readonly identitySync: IdentitySyncOutbox,
  ) {}

  /**
   * Spends the token, makes the gym active, sends the welcome email and tells Identity who owns
   * the gym, all or nothing.
   */
  activate(token: string): Promise<ActivationResultView> {
    return this.dataSource.transaction(async (manager) => {
      const activation = await manager.findOne(ActivationToken, {
        where: { tokenHash: hashActivationToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!activation) {
        throw new InvalidRequestError(
          'This activation link is not valid; use the link from the email.',
        );
      }
      if (activation.usedAt) {
        throw new AppError('gone', 'This activation link was already used; the gym is active.');
      }
      if (activation.expiresAt.getTime() <= Date.now()) {
        throw new AppError(
          'gone',
          'This activation link has expired; POST /gyms/:id/activation-link sends a new one.',
        );
      }

      const gym = await manager.findOneOrFail(Gym, {
        where: { id: activation.gymId },
        lock: { mode: 'pessimistic_write' },
      });
      if (gym.status !== 'paid') {
        throw new AppError('conflict', `This gym is ${gym.status} and cannot be activated now.`);
      }

      await manager.update(ActivationToken, { id: activation.id }, { usedAt: new Date() });
      await manager.update(Gym, { id: gym.id }, { status: 'active', activatedAt: new Date() });
      await this.emails.welcome(manager, gym);
      await this.identitySync.ownerMembership(manager, gym);

      return { gymId: gym.id, status: 'active' as const };
    });
  }
}
