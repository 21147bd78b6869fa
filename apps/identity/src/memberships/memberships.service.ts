import { AuthenticatedUser, ConflictError, NotFoundError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AbuseLimiter } from '../abuse/abuse-limiter';
import type { LimitedKey } from '../abuse/abuse-rule';
import type { IdentityConfig } from '../config/identity-env';
import { UsersService } from '../users/users.service';
import { AddMemberRequest } from './dto/add-member.request';
import { MemberResponse } from './dto/member.response';
import { MyGymResponse } from './dto/my-gym.response';
import { GymAccess } from './gym-access';
import { GymMembership } from './gym-membership.entity';
import { violatedUniqueIndex } from './postgres-errors';

const LIVE_MEMBERSHIP_INDEX = 'uq_gym_memberships_live';

/** Who belongs to a gym, as its owner and staff see and change it. */
@Injectable()
export class MembershipsService {
  private readonly lookupMisses: number;

  constructor(
    @InjectRepository(GymMembership) private readonly memberships: Repository<GymMembership>,
    private readonly access: GymAccess,
    private readonly users: UsersService,
    private readonly limiter: AbuseLimiter,
    config: ConfigService<IdentityConfig, true>,
  ) {
    this.lookupMisses = config.get('MEMBER_LOOKUP_FREE_MISSES_PER_USER', { infer: true });
  }

  async list(caller: AuthenticatedUser, gymId: string): Promise<MemberResponse[]> {
    await this.access.requireRole(caller, gymId, ['owner', 'staff']);

    const live = await this.memberships.find({
      where: { gymId, removedAt: IsNull() },
      relations: { user: true },
      order: { createdAt: 'ASC' },
    });

    return live.flatMap((membership) =>
      membership.user ? [MemberResponse.of(membership, membership.user)] : [],
    );
  }

  async add(
    caller: AuthenticatedUser,
    gymId: string,
    request: AddMemberRequest,
  ): Promise<MemberResponse> {
    await this.access.requireRole(caller, gymId, ['owner']);

    // The 404 tells whether an email has an account: each owner gets only so many misses.
    const lookups = this.lookupKey(caller);
    await this.limiter.consume([lookups]);
    const user = await this.users.findByEmail(request.email);
    if (!user) {
      throw new NotFoundError('No account has this email; ask the person to sign up first.');
    }
    await this.limiter.refund([lookups]);

    // The partial unique index decides, so two owners' tabs adding one person cannot both win.
    const membership = await this.memberships
      .save(this.memberships.create({ gymId, userId: user.id, role: request.role }))
      .catch((error: unknown) => {
        if (violatedUniqueIndex(error) === LIVE_MEMBERSHIP_INDEX) {
          throw new ConflictError('This person is already a member of the gym.');
        }
        throw error;
      });

    return MemberResponse.of(membership, user);
  }

  /** The row stays, with `removedAt`, so the gym keeps a record of who was there. */
  async remove(caller: AuthenticatedUser, gymId: string, userId: string): Promise<void> {
    await this.access.requireRole(caller, gymId, ['owner']);

    const membership = await this.memberships.findOneBy({ gymId, userId, removedAt: IsNull() });
    if (!membership) {
      throw new NotFoundError(`There is no member ${userId} in this gym.`);
    }
    if (membership.role === 'owner') {
      throw new ConflictError('The owner of a gym cannot be removed from it.');
    }

    await this.memberships.update(
      { id: membership.id, removedAt: IsNull() },
      { removedAt: new Date() },
    );
  }

  async gymsOf(caller: AuthenticatedUser): Promise<MyGymResponse[]> {
    const live = await this.memberships.find({
      where: { userId: caller.id, removedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });

    return live.map((membership) => MyGymResponse.of(membership));
  }

  private lookupKey(caller: AuthenticatedUser): LimitedKey {
    return {
      rule: { scope: 'members.lookup', freeAttempts: this.lookupMisses },
      value: caller.id,
    };
  }
}
