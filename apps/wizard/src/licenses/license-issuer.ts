import { preparedStatement, runPrepared } from '@app/database';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Plan } from '../config/plans';
import { License } from './license.entity';

/** Parameters: gym, plan, limits (JSON), valid until. */
export const ISSUE_LICENSE = preparedStatement(
  'licenses.issue',
  `INSERT INTO licenses (gym_id, plan_id, limits, status, valid_until)
       VALUES ($1, $2, $3, 'active', $4)
       ON CONFLICT (gym_id) DO UPDATE
         SET plan_id = EXCLUDED.plan_id, limits = EXCLUDED.limits, status = EXCLUDED.status,
             valid_until = EXCLUDED.valid_until, updated_at = now()`,
);

@Injectable()
export class LicenseIssuer {
  /** Gives the gym its plan's limits until `validUntil`, replacing what it had. */
  async issue(manager: EntityManager, gymId: string, plan: Plan, validUntil: Date): Promise<void> {
    await runPrepared(manager, ISSUE_LICENSE, [
      gymId,
      plan.id,
      JSON.stringify(plan.limits),
      validUntil,
    ]);
  }

  /**
   * Follows the subscription: its plan's limits (when the price is a plan of ours), the end of
   * its current period, and whether it ends there. A gym without a license yet gets none here:
   * its checkout issues it.
   */
  async followSubscription(
    manager: EntityManager,
    gymId: string,
    terms: { plan?: Plan; validUntil?: Date; cancelAtPeriodEnd: boolean },
  ): Promise<void> {
    const changes: Partial<License> = { cancelAtPeriodEnd: terms.cancelAtPeriodEnd };
    if (terms.plan) {
      Object.assign(changes, { planId: terms.plan.id, limits: terms.plan.limits });
    }
    if (terms.validUntil) {
      changes.validUntil = terms.validUntil;
    }

    await manager.update(License, { gymId, status: 'active' }, changes);
  }

  /** The subscription is over: the license ends then, and the gym's data stays. */
  async end(manager: EntityManager, gymId: string, endedAt: Date): Promise<void> {
    await manager.query(
      `UPDATE licenses
       SET status = 'ended', cancel_at_period_end = false,
           valid_until = LEAST(valid_until, $2), updated_at = now()
       WHERE gym_id = $1`,
      [gymId, endedAt],
    );
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
