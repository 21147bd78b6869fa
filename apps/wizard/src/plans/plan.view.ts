import { ApiProperty } from '@nestjs/swagger';
import type { Plan } from '../config/plans';

export class PlanView {
  @ApiProperty({ example: 'studio_monthly' })
  id: string;

  @ApiProperty({ example: 'Studio' })
  name: string;

  @ApiProperty({ example: 4900, description: 'In the minor unit of the currency' })
  amount: number;

  @ApiProperty({ example: 'eur' })
  currency: string;

  @ApiProperty({ enum: ['month', 'year'] })
  interval: string;

  @ApiProperty({ example: { members: 300, staff: 5, locations: 1 } })
  limits: Plan['limits'];

  static of(plan: Plan): PlanView {
    const { id, name, amount, currency, interval, limits } = plan;

    return { id, name, amount, currency, interval, limits };
  }
}
