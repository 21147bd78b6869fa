import type { PlatformRole } from '@app/common';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_users' })
  id: string;

  /** As the person typed it; what we show and write to. */
  @Column('text')
  email: string;

  /** The uniqueness key (see normalizeEmail). */
  @Index('uq_users_email_normalized', { unique: true })
  @Column('text', { name: 'email_normalized' })
  emailNormalized: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('text', { array: true, default: () => "'{}'" })
  roles: PlatformRole[];

  /** SMS 2FA (two-factor/): the verified number codes go to, in E.164; null while 2FA is off. */
  @Column('text', { name: 'two_factor_phone', nullable: true })
  twoFactorPhone: string | null;

  /** Set by a platform admin: no login, refresh or /me, and every session ended. */
  @Column('timestamptz', { name: 'disabled_at', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
