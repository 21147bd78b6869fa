import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Plan } from '../config/plans';

export type LicenseStatus = 'active' | 'ended';

@Entity('licenses')
export class License {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** A gym holds one license; a new plan or period updates it in place. */
  @Index({ unique: true })
  @Column({ name: 'gym_id', type: 'uuid' })
  gymId: string;

  @Column({ name: 'plan_id', type: 'text' })
  planId: string;

  @Column({ type: 'jsonb' })
  limits: Plan['limits'];

  @Column({ type: 'text', default: 'active' })
  status: LicenseStatus;

  /** The end of the subscription's current period. */
  @Column({ name: 'valid_until', type: 'timestamptz' })
  validUntil: Date;

  /** The subscription ends at `validUntil` instead of renewing. */
  @Column({ name: 'cancel_at_period_end', type: 'boolean', default: false })
  cancelAtPeriodEnd: boolean;

  @CreateDateColumn({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
