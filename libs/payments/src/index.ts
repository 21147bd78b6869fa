export * from './payments.interface';
export * from './payments.errors';
export type { PaymentsModuleOptions } from './payments.options';
export { PaymentsModule } from './payments.module';
export type { StripePaymentsConfig } from './stripe/stripe-payments.config';
export { DEFAULT_WEBHOOK_TOLERANCE_SECONDS } from './stripe/stripe-payments.config';
export { assertStripeKeyMatchesEnvironment } from './stripe/stripe-key-environment';
