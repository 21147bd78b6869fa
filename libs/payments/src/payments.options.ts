import type { StripePaymentsConfig } from './stripe/stripe-payments.config';

/** One member per provider; `provider` picks the adapter bound to PAYMENTS_SERVICE. */
export type PaymentsModuleOptions = { provider: 'stripe'; stripe: StripePaymentsConfig };
