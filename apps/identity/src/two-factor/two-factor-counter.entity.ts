import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Daily counts behind the SMS caps (codes per number, user, IP, country; wrong passwords on
 * DELETE /me/2fa), in PostgreSQL so that every copy of the service sees the same count.
 * Phone numbers and IPs are stored as keyed hashes, never as typed.
 */
@Entity({ name: 'two_factor_counters' })
@Index('ix_two_factor_counters_day', ['day'])
export class TwoFactorCounter {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'pk_two_factor_counters' })
  scope: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'pk_two_factor_counters' })
  key: string;

  /** The UTC day counted. */
  @PrimaryColumn('date', { primaryKeyConstraintName: 'pk_two_factor_counters' })
  day: string;

  @Column('integer')
  count: number;
}
