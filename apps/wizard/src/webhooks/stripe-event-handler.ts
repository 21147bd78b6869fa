import type { PaymentEvent } from '@app/payments';
import type { EntityManager } from 'typeorm';

export const STRIPE_EVENT_HANDLERS = Symbol('STRIPE_EVENT_HANDLERS');

export interface HandlerResult {
  outcome: 'processed' | 'ignored';
  /** Why it was ignored; shown to support, so never a secret. */
  detail?: string;
}

/** Applies one kind of Stripe event inside the transaction that records it. */
export interface StripeEventHandler {
  readonly eventTypes: readonly string[];
  handle(event: PaymentEvent, manager: EntityManager): Promise<HandlerResult>;
}

export const processed = (): HandlerResult => ({ outcome: 'processed' });

export const ignored = (detail: string): HandlerResult => ({ outcome: 'ignored', detail });
