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
import { Session } from './session.entity';

/** One refresh token; only its SHA-256 is kept, so a database leak hands out no sessions. */
@Entity({ name: 'refresh_tokens' })
@Index('ix_refresh_tokens_sealed_spent_at', ['spentAt'], {
  where: '"child_token_sealed" IS NOT NULL',
})
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_refresh_tokens' })
  id: string;

  @Index('ix_refresh_tokens_user_id')
  @Column('uuid', { name: 'user_id' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_refresh_tokens_user' })
  user?: User;

  @Index('ix_refresh_tokens_session_id')
  @Column('uuid', { name: 'session_id' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_refresh_tokens_session' })
  session?: Session;

  @Index('uq_refresh_tokens_token_hash', { unique: true })
  @Column('text', { name: 'token_hash' })
  tokenHash: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  /** When it was exchanged for its replacement; presenting it again later is a reuse. */
  @Index('ix_refresh_tokens_spent_at')
  @Column('timestamptz', { name: 'spent_at', nullable: true })
  spentAt: Date | null;

  @Column('uuid', { name: 'replaced_by_id', nullable: true })
  replacedById: string | null;

  /**
   * The replacement token, encrypted under a key derived from this token: whoever presents
   * this token again within the grace window gets the same replacement. Wiped after it.
   */
  @Column('text', { name: 'child_token_sealed', nullable: true })
  childTokenSealed: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
