import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** processing: at Stripe now; failed: refused for good (the stored answer is replayed). */
export type RefundRequestStatus =
  'processing' | 'succeeded' | 'pending' | 'already_refunded' | 'failed';

/** One admin refund request per Idempotency-Key: the same key gets the same answer. */
@Entity('refund_requests')
export class RefundRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  /** SHA-256 of the ask (payment, amount, reason): a key sent with another ask is refused. */
  @Column({ type: 'text' })
  fingerprint: string;

  @Index()
  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId: string;

  @Index()
  @Column({ name: 'gym_id', type: 'uuid' })
  gymId: string;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  /** Minor units; null asks for everything that is left. */
  @Column({ name: 'requested_amount', type: 'integer', nullable: true })
  requestedAmount: number | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text' })
  status: RefundRequestStatus;

  @Index({ unique: true })
  @Column({ name: 'stripe_refund_id', type: 'text', nullable: true })
  stripeRefundId: string | null;

  /** What Stripe refunded, in minor units. */
  @Column({ name: 'refunded_amount', type: 'integer', nullable: true })
  refundedAmount: number | null;

  /** The HTTP status and message a refused request is answered with, every time. */
  @Column({ name: 'failure_status', type: 'integer', nullable: true })
  failureStatus: number | null;

  @Column({ name: 'failure_message', type: 'text', nullable: true })
  failureMessage: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
