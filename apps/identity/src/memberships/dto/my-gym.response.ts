import { ApiProperty } from '@nestjs/swagger';
import { GYM_ROLES, type GymRole } from '../gym-role';
import type { GymMembership } from '../gym-membership.entity';

export class MyGymResponse {
  @ApiProperty({ format: 'uuid' })
  gymId: string;

  @ApiProperty({ enum: GYM_ROLES })
  role: GymRole;

  @ApiProperty({ format: 'date-time' })
  joinedAt: string;

  static of(membership: GymMembership): MyGymResponse {
    return {
      gymId: membership.gymId,
      role: membership.role,
      joinedAt: membership.createdAt.toISOString(),
    };
  }
}
