import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Plan } from '../config/plans';
import { License } from './license.entity';

@Injectable()
export class LicenseIssuer {
  /** Gives the gym its plan's limits until `validUntil`, replacing what it had. */
  async issue(
    manager: EntityManager,
    gymId: string,
    plan: Plan,
    validUntil: Date,
  ): Promise<License> {
    await manager.upsert(
      License,
      { gymId, planId: plan.id, limits: plan.limits, status: 'active', validUntil },
      { conflictPaths: ['gymId'] },
    );

    return manager.findOneByOrFail(License, { gymId });
  }
}

/** The end of the first billing period that starts at `start`. */
export function periodEnd(start: Date, interval: Plan['interval']): Date {
  const end = new Date(start);
  if (interval === 'year') {
    end.setUTCFullYear(end.getUTCFullYear() + 1);
  } else {
    end.setUTCMonth(end.getUTCMonth() + 1);
  }

  return end;
}
