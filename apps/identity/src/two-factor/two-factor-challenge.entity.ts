import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

export const CHALLENGE_PURPOSES = ['enable', 'login', 'disable'] as const;

/** enable: proves a new number; login: the second step of a login; disable: turns 2FA off. */
export type ChallengePurpose = (typeof CHALLENGE_PURPOSES)[number];

export type ChallengeEnd = 'used' | 'too_many_attempts' | 'superseded' | 'send_failed';

/**
 * One code sent by SMS. Only an HMAC of the code (keyed, bound to this id) is kept, so neither a
 * database leak nor a code from another challenge opens it.
 */
@Entity({ name: 'two_factor_challenges' })
@Check('ck_two_factor_challenges_purpose', `"purpose" IN ('enable', 'login', 'disable')`)
@Index('ix_two_factor_challenges_user_purpose', ['userId', 'purpose'])
export class TwoFactorChallenge {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_two_factor_challenges' })
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_two_factor_challenges_user' })
  user?: User;

  @Column('text')
  purpose: ChallengePurpose;

  /** E.164; the account's verified number, or the one being verified (enable). */
  @Column('text')
  phone: string;

  @Column('text', { name: 'code_hash' })
  codeHash: string;

  /** Codes tried, right or wrong; the challenge ends at the limit. */
  @Column('integer', { default: 0 })
  attempts: number;

  @Column('integer', { name: 'send_count', default: 1 })
  sendCount: number;

  @Column('timestamptz', { name: 'last_sent_at' })
  lastSentAt: Date;

  @Index('ix_two_factor_challenges_expires_at')
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt: Date | null;

  @Column('text', { name: 'end_reason', nullable: true })
  endReason: ChallengeEnd | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
