import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A reset request, written before the 202 is sent, whether or not an account has the email.
 * The processor turns it into a link and an email (or nothing) and deletes it; a row left by a
 * crash is taken up again, so an accepted request for a real account is never lost.
 */
@Entity({ name: 'pending_password_resets' })
export class PendingPasswordReset {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_pending_password_resets' })
  id: string;

  /** The lookup key (see normalizeEmail), never an address to write to. */
  @Column('text', { name: 'email_normalized' })
  emailNormalized: string;

  /** Where the request came from, for its security event; gone with the row. */
  @Column('text', { name: 'client_ip', nullable: true })
  clientIp: string | null;

  @Column('text', { name: 'client_user_agent', nullable: true })
  clientUserAgent: string | null;

  @Column('int', { default: 0 })
  attempts: number;

  @Index('ix_pending_password_resets_next_attempt_at')
  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
