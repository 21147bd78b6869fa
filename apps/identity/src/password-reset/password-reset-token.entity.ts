import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

/**
 * One reset link. Only the token's SHA-256 is kept. A spent or voided token keeps its row, so a
 * late click gets a precise answer; the partial index allows one live token per account.
 */
@Entity({ name: 'password_reset_tokens' })
@Index('uq_password_reset_tokens_live_user', ['userId'], {
  unique: true,
  where: '"used_at" IS NULL AND "voided_at" IS NULL',
})
export class PasswordResetToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_password_reset_tokens' })
  id: string;

  @Index('ix_password_reset_tokens_user_id')
  @Column('uuid', { name: 'user_id' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_password_reset_tokens_user' })
  user?: User;

  @Index('uq_password_reset_tokens_token_hash', { unique: true })
  @Column('text', { name: 'token_hash' })
  tokenHash: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;

  /** Set when a newer link replaced this one, or when the password was reset with another. */
  @Column('timestamptz', { name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
