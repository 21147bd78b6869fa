import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Attempts of one key (an account, an IP) in one scope (login per account ...), shared by
 * every copy of the service. Written only by AbuseLimiter's statements.
 */
@Entity({ name: 'abuse_counters' })
export class AbuseCounter {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'pk_abuse_counters' })
  scope: string;

  /** SHA-256 of the key: no email or address is kept here in the clear. */
  @PrimaryColumn('text', { name: 'key_hash', primaryKeyConstraintName: 'pk_abuse_counters' })
  keyHash: string;

  /** Attempts in the current streak. */
  @Column('integer')
  attempts: number;

  @Column('timestamptz', { name: 'last_attempt_at' })
  lastAttemptAt: Date;

  /** No attempt passes before this; null while the free attempts last. */
  @Column('timestamptz', { name: 'next_attempt_at', nullable: true })
  nextAttemptAt: Date | null;

  /** After this, with no attempt since, the streak starts again from nothing. */
  @Index('ix_abuse_counters_forget_at')
  @Column('timestamptz', { name: 'forget_at' })
  forgetAt: Date;
}
