import { ApiProperty } from '@nestjs/swagger';
import { GYM_ROLES, type GymRole } from '../gym-role';
import type { GymMembership } from '../gym-membership.entity';
import type { User } from '../../users/user.entity';

export class MemberResponse {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ example: 'coach@example.com' })
  email: string;

  @ApiProperty({ example: 'Sam Coach' })
  name: string;

  @ApiProperty({ enum: GYM_ROLES })
  role: GymRole;

  @ApiProperty({ format: 'date-time' })
  joinedAt: string;

  static of(membership: GymMembership, user: User): MemberResponse {
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: membership.role,
      joinedAt: membership.createdAt.toISOString(),
    };
  }
}
