import { AuthenticatedUser, ConflictError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { GymEmails } from '../emails/gym-emails';
import { Gym } from '../gyms/gym.entity';
import { GymsService } from '../gyms/gyms.service';
import { ActivationToken } from './activation-token.entity';
import { ActivationTokens } from './activation-tokens';

/** A new activation link for a paid gym whose link expired or got lost; older links stop working. */
@Injectable()
export class ActivationLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gyms: GymsService,
    private readonly tokens: ActivationTokens,
    private readonly emails: GymEmails,
  ) {}

  async resend(owner: AuthenticatedUser, gymId: string): Promise<void> {
    await this.gyms.findOwned(owner, gymId);

    await this.dataSource.transaction(async (manager) => {
      const gym = await manager.findOneOrFail(Gym, {
        where: { id: gymId },
        lock: { mode: 'pessimistic_write' },
      });
      if (gym.status !== 'paid') {
        throw new ConflictError(`This gym is ${gym.status}; only a paid gym waits for activation.`);
      }

      await manager.update(
        ActivationToken,
        { gymId: gym.id, usedAt: IsNull() },
        { expiresAt: () => 'LEAST(expires_at, now())' },
      );
      const token = await this.tokens.issue(manager, gym.id);
      await this.emails.activation(manager, gym, token);
    });
  }
}
