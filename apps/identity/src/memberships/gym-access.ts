import { AppError, AuthenticatedUser, NotFoundError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { GymMembership } from './gym-membership.entity';
import type { GymRole } from './gym-role';

/**
 * Gym-scoped rights, read from the database at each request (never from token claims), so a
 * removed member loses access with the very next request.
 */
@Injectable()
export class GymAccess {
  constructor(
    @InjectRepository(GymMembership) private readonly memberships: Repository<GymMembership>,
  ) {}

  /** A non-member gets 404, as for a gym that does not exist; a member without the role, 403. */
  async requireRole(
    user: AuthenticatedUser,
    gymId: string,
    roles: readonly GymRole[],
  ): Promise<GymMembership> {
    const membership = await this.memberships.findOneBy({
      gymId,
      userId: user.id,
      removedAt: IsNull(),
    });
    if (!membership) {
      throw new NotFoundError(`There is no gym ${gymId} among your gyms.`);
    }

    if (!roles.includes(membership.role)) {
      throw new AppError('forbidden', `Only the ${roles.join(' or ')} of this gym can do this.`);
    }

    return membership;
  }
}
