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
import { GYM_MEMBERSHIPS_TABLE, GymRole } from './gym-role';

/** A user's place in a gym; a removed one keeps its row, with `removedAt` set. */
@Entity({ name: GYM_MEMBERSHIPS_TABLE })
@Check('ck_gym_memberships_role', `"role" IN ('owner', 'staff', 'member')`)
@Index('uq_gym_memberships_live', ['gymId', 'userId'], {
  unique: true,
  where: '"removed_at" IS NULL',
})
@Index('uq_gym_memberships_live_owner', ['gymId'], {
  unique: true,
  where: `"role" = 'owner' AND "removed_at" IS NULL`,
})
export class GymMembership {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_gym_memberships' })
  id: string;

  /** The Wizard's gym id; Identity keeps no other record of the gym. */
  @Column('uuid', { name: 'gym_id' })
  gymId: string;

  @Index('ix_gym_memberships_user_id')
  @Column('uuid', { name: 'user_id' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_gym_memberships_user' })
  user?: User;

  @Column('text')
  role: GymRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'removed_at', nullable: true })
  removedAt: Date | null;
}
