import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type StripeEventOutcome = 'processed' | 'ignored' | 'failed';

/** Every event Stripe delivered with a valid signature, so support can see what came in. */
@Entity('stripe_events')
export class StripeEvent {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Index()
  @Column({ type: 'text' })
  type: string;

  /** When Stripe created the event (not when it reached us). */
  @Column({ name: 'created', type: 'timestamptz' })
  created: Date;

  @Column({ type: 'boolean', default: false })
  livemode: boolean;

  @Column({ type: 'text' })
  outcome: StripeEventOutcome;

  /** Why it was ignored or failed; safe text only. */
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ type: 'integer', default: 1 })
  deliveries: number;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
