import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type RefundAuditSource = 'admin_api' | 'stripe_dashboard';

/** succeeded, pending, already_refunded, or why it was refused (rejected, failed). */
export type RefundAuditOutcome =
  'succeeded' | 'pending' | 'already_refunded' | 'rejected' | 'failed';

/** Who refunded which payment, how much, and what came of it. Rows are only ever added. */
@Entity('refund_audit_log')
export class RefundAuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId: string;

  @Index()
  @Column({ name: 'gym_id', type: 'uuid' })
  gymId: string;

  @Column({ type: 'text' })
  source: RefundAuditSource;

  /** The platform admin's user id; null for a refund made in Stripe's Dashboard. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_email', type: 'text', nullable: true })
  actorEmail: string | null;

  /** Minor units: what was refunded, or what was asked when nothing was. */
  @Column({ type: 'integer', nullable: true })
  amount: number | null;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'text' })
  outcome: RefundAuditOutcome;

  /** Safe text only: the reason given, or why it was refused. */
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ name: 'stripe_refund_id', type: 'text', nullable: true })
  stripeRefundId: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'stripe_event_id', type: 'text', nullable: true })
  stripeEventId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
