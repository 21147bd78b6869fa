import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { IDENTITY_SYNC_TABLE, IdentitySyncKind, IdentitySyncStatus } from './identity-sync-status';

/** Something Identity must learn from the Wizard, written in the transaction that caused it. */
@Entity(IDENTITY_SYNC_TABLE)
@Unique('UQ_identity_sync_kind_gym_id', ['kind', 'gymId'])
@Index('IDX_identity_sync_status_next_attempt_at', ['status', 'nextAttemptAt'])
@Check('CHK_identity_sync_kind', `"kind" IN ('owner_membership')`)
@Check('CHK_identity_sync_status', `"status" IN ('pending', 'syncing', 'retrying', 'done')`)
export class IdentitySyncEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_identity_sync_id' })
  id: string;

  @Column({ type: 'text' })
  kind: IdentitySyncKind;

  @Column({ name: 'gym_id', type: 'uuid' })
  gymId: string;

  /** The gym owner's Identity user id. */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ type: 'text', default: 'pending' })
  status: IdentitySyncStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** Until then a relay holds the row; after it (a crash), any relay takes it again. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** A safe message only: a status and Identity's answer, never the service token. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'synced_at', type: 'timestamptz', nullable: true })
  syncedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
