import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The `created` time of the last Stripe event applied to one aspect of one object, so that an
 * older event delivered late never overwrites what a newer one set.
 */
@Entity('stripe_object_clocks')
export class StripeObjectClock {
  /** A Stripe id, such as the subscription's. */
  @PrimaryColumn({ name: 'object_id', type: 'text' })
  objectId: string;

  /** What of the object the event set, such as its plan or the gym's billing status. */
  @PrimaryColumn({ type: 'text' })
  aspect: string;

  @Column({ name: 'event_created', type: 'timestamptz' })
  eventCreated: Date;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
