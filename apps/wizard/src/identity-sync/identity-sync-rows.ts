import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IdentitySyncKind } from './identity-sync-status';

/** A row a relay holds; `attempts` (this one included) fences the update that settles it. */
export interface ClaimedSync {
  id: string;
  kind: IdentitySyncKind;
  gymId: string;
  ownerId: string;
  attempts: number;
}

interface ClaimedRow {
  id: string;
  kind: IdentitySyncKind;
  gym_id: string;
  owner_id: string;
  attempts: number;
}

const ms = (parameter: string): string =>
  `(${parameter}::double precision * interval '1 millisecond')`;

/** The statements that move an identity_sync row along; each is one short transaction. */
@Injectable()
export class IdentitySyncRows {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Due rows, and rows whose lease ran out (a relay died mid-call), under a new lease.
   * SKIP LOCKED lets every Wizard copy claim at once without taking the same row.
   */
  async claimDue(batchSize: number, leaseMs: number): Promise<ClaimedSync[]> {
    const rows = (await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM identity_sync
          WHERE status IN ('pending', 'syncing', 'retrying')
            AND next_attempt_at <= now()
            AND (locked_until IS NULL OR locked_until < now())
          ORDER BY next_attempt_at
          LIMIT $1
            FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE identity_sync AS entry
            SET status = 'syncing', attempts = entry.attempts + 1,
                locked_until = now() + ${ms('$2')}, updated_at = now()
           FROM due
          WHERE entry.id = due.id
        RETURNING entry.id, entry.kind, entry.gym_id, entry.owner_id, entry.attempts
       )
       SELECT * FROM claimed`,
      [batchSize, leaseMs],
    )) as ClaimedRow[];

    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      gymId: row.gym_id,
      ownerId: row.owner_id,
      attempts: row.attempts,
    }));
  }

  markDone(sync: ClaimedSync): Promise<boolean> {
    return this.settle(
      sync,
      `status = 'done', synced_at = now(), locked_until = NULL, last_error = NULL`,
      [],
    );
  }

  markRetrying(sync: ClaimedSync, delayMs: number, error: string): Promise<boolean> {
    return this.settle(
      sync,
      `status = 'retrying', next_attempt_at = now() + ${ms('$3')}, locked_until = NULL,
       last_error = $4`,
      [delayMs, error],
    );
  }

  /** False when another relay took the row over after this one's lease ran out. */
  private async settle(sync: ClaimedSync, set: string, values: unknown[]): Promise<boolean> {
    const settled = (await this.dataSource.query(
      `WITH settled AS (
         UPDATE identity_sync SET ${set}, updated_at = now()
          WHERE id = $1 AND status = 'syncing' AND attempts = $2
         RETURNING id
       )
       SELECT id FROM settled`,
      [sync.id, sync.attempts, ...values],
    )) as Array<{ id: string }>;

    return settled.length === 1;
  }
}
