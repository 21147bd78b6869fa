import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'partially_refunded' | 'refunded';

@Entity('payments')
@Index(['gymId', 'stripeInvoiceId'], { unique: true })
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'gym_id', type: 'uuid' })
  gymId: string;

  /** One checkout session pays once, however often Stripe tells us; renewals have none. */
  @Index({ unique: true })
  @Column({ name: 'checkout_session_id', type: 'text', nullable: true })
  checkoutSessionId: string | null;

  /** One invoice is one payment of its gym: the checkout's first, then one per renewal. */
  @Column({ name: 'stripe_invoice_id', type: 'text', nullable: true })
  stripeInvoiceId: string | null;

  /** What a refund is made against (the charge only when there is no payment intent). */
  @Index()
  @Column({ name: 'stripe_payment_intent_id', type: 'text', nullable: true })
  stripePaymentIntentId: string | null;

  @Index()
  @Column({ name: 'stripe_charge_id', type: 'text', nullable: true })
  stripeChargeId: string | null;

  /** Minor units of the currency, as Stripe counts them. */
  @Column({ type: 'integer' })
  amount: number;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'text' })
  status: PaymentStatus;

  @Column({ name: 'refunded_amount', type: 'integer', default: 0 })
  refundedAmount: number;

  /** Set when the card holder disputes the charge; such a payment cannot be refunded. */
  @Column({ name: 'disputed_at', type: 'timestamptz', nullable: true })
  disputedAt: Date | null;

  @Column({ name: 'stripe_dispute_id', type: 'text', nullable: true })
  stripeDisputeId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
