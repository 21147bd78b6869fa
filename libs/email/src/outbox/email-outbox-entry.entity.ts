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

import { EMAIL_OUTBOX_TABLE, EmailOutboxStatus } from './email-outbox-status';

/** One email a committed change asked for; the source of truth for its delivery. */
@Entity(EMAIL_OUTBOX_TABLE)
@Unique('UQ_email_outbox_idempotency_key', ['idempotencyKey'])
@Index('IDX_email_outbox_status_next_attempt_at', ['status', 'nextAttemptAt'])
@Check(
  'CHK_email_outbox_status',
  `"status" IN ('pending', 'queued', 'sending', 'retrying', 'sent', 'failed', 'dead')`,
)
export class EmailOutboxEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_email_outbox_id' })
  id: string;

  @Column({ type: 'text' })
  template: string;

  @Column({ name: 'to_address', type: 'text' })
  toAddress: string;

  /** Template values; links in here carry tokens, so it is never logged nor shown. */
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ name: 'gym_id', type: 'uuid', nullable: true })
  gymId: string | null;

  @Column({ type: 'text', default: 'pending' })
  status: EmailOutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'timeout_retries', type: 'int', default: 0 })
  timeoutRetries: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** Until then the row belongs to a queue message or a worker; after it, the relay takes it back. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** A safe message only: never a key, a token or a link. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'text', nullable: true })
  provider: string | null;

  @Column({ name: 'provider_message_id', type: 'text', nullable: true })
  providerMessageId: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
