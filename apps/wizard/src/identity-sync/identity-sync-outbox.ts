import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Gym } from '../gyms/gym.entity';

/** Where a change asks Identity to learn something: the row commits or rolls back with it. */
@Injectable()
export class IdentitySyncOutbox {
  /** Pass the manager of the caller's transaction; the relay makes the call after the commit. */
  async ownerMembership(manager: EntityManager, gym: Gym): Promise<void> {
    // One row per gym however often this runs: the unique key makes a second one a no-op.
    await manager.query(
      `INSERT INTO identity_sync (kind, gym_id, owner_id) VALUES ('owner_membership', $1, $2)
       ON CONFLICT (kind, gym_id) DO NOTHING`,
      [gym.id, gym.ownerId],
    );
  }
}
