export * from './fake-stripe.server';
export type { FakeStripeResponse } from './fake-stripe.resources';
export type { FakeStripeCharge } from './fake-stripe.refunds';
export * from './stripe-billing-events';
export * from './stripe-fixtures';
export * from './stripe-form-encoding';
export * from './stripe-signature';
export * from './test-database';
export * from './wait-for';
