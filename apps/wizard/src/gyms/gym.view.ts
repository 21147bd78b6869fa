import { ApiProperty } from '@nestjs/swagger';
import { GYM_STATUSES, type GymStatus } from './gym-status';
import type { Gym } from './gym.entity';
import type { License } from '../licenses/license.entity';

export class LicenseView {
  @ApiProperty({ example: 'studio_monthly' })
  planId: string;

  @ApiProperty({ example: { members: 300, staff: 5, locations: 1 } })
  limits: License['limits'];

  @ApiProperty({ enum: ['active', 'ended'] })
  status: string;

  @ApiProperty()
  validUntil: string;
}

export class GymView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  planId: string;

  @ApiProperty({ enum: GYM_STATUSES })
  status: GymStatus;

  @ApiProperty({ type: LicenseView, nullable: true })
  license: LicenseView | null;

  @ApiProperty({
    description: 'The subscription ends at currentPeriodEnd; the gym works until then',
  })
  cancelAtPeriodEnd: boolean;

  @ApiProperty({ nullable: true, type: String, description: 'The end of the paid period' })
  currentPeriodEnd: string | null;

  static of(gym: Gym, license: License | null = null): GymView {
    return {
      id: gym.id,
      name: gym.name,
      planId: gym.planId,
      status: gym.status,
      license: license && {
        planId: license.planId,
        limits: license.limits,
        status: license.status,
        validUntil: license.validUntil.toISOString(),
      },
      cancelAtPeriodEnd: license?.status === 'active' && license.cancelAtPeriodEnd,
      currentPeriodEnd: license?.validUntil.toISOString() ?? null,
    };
  }
}
