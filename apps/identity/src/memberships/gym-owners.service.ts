import { ConflictError, NotFoundError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { GymMembership } from './gym-membership.entity';
import { isForeignKeyViolation, violatedUniqueIndex } from './postgres-errors';

const LIVE_OWNER_INDEX = 'uq_gym_memberships_live_owner';

/** The owner memberships the Wizard sets when it activates a gym. */
@Injectable()
export class GymOwnersService {
  constructor(
    @InjectRepository(GymMembership) private readonly memberships: Repository<GymMembership>,
  ) {}

  /**
   * Idempotent, as the Wizard retries until it hears a 2xx: the same call again changes nothing.
   * One statement, so two calls racing leave one row.
   */
  async setOwner(gymId: string, userId: string): Promise<void> {
    await this.memberships
      .query(
        `INSERT INTO gym_memberships (gym_id, user_id, role) VALUES ($1, $2, 'owner')
         ON CONFLICT (gym_id, user_id) WHERE removed_at IS NULL
         DO UPDATE SET role = 'owner' WHERE gym_memberships.role <> 'owner'`,
        [gymId, userId],
      )
      .catch((error: unknown) => {
        if (violatedUniqueIndex(error) === LIVE_OWNER_INDEX) {
          throw new ConflictError(`Gym ${gymId} already has another owner.`);
        }
        if (isForeignKeyViolation(error)) {
          throw new NotFoundError(`There is no account ${userId}.`);
        }
        throw error;
      });
  }
}
