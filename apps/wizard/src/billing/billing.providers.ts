import { AdminRefundsController } from '../admin/admin-refunds.controller';
import { AdminStripeEventsController } from '../admin/admin-stripe-events.controller';
import { PaidInvoices } from '../payments/paid-invoices';
import { PaymentDisputes } from '../payments/payment-disputes';
import { PaymentLookup } from '../payments/payment-lookup';
import { ChargeRefunds } from '../refunds/charge-refunds';
import { PaymentRefunds } from '../refunds/payment-refunds';
import { RefundAudit } from '../refunds/refund-audit';
import { RefundRequests } from '../refunds/refund-requests';
import { RefundSettlement } from '../refunds/refund-settlement';
import { RefundService } from '../refunds/refund.service';
import { ChargeDisputeHandler } from '../webhooks/handlers/charge-dispute.handler';
import { ChargeRefundedHandler } from '../webhooks/handlers/charge-refunded.handler';
import { InvoiceHandler } from '../webhooks/handlers/invoice.handler';
import { SubscriptionHandler } from '../webhooks/handlers/subscription.handler';
import { InvoiceOutcomes } from './invoice-outcomes';
import { PlatformAdminAlerts } from './platform-admin-alerts';
import { StripeEventReplay } from './stripe-event-replay';
import { StripeObjectClocks } from './stripe-object-clocks';
import { SubscriptionGyms } from './subscription-gyms';
import { SubscriptionSync } from './subscription-sync';

/** The subscription lifecycle, refunds and replay, as the Wizard module takes them in. */
export const BILLING_CONTROLLERS = [AdminRefundsController, AdminStripeEventsController];

/** Joined to STRIPE_EVENT_HANDLERS. */
export const BILLING_EVENT_HANDLERS = [
  SubscriptionHandler,
  InvoiceHandler,
  ChargeRefundedHandler,
  ChargeDisputeHandler,
];

export const BILLING_PROVIDERS = [
  ...BILLING_EVENT_HANDLERS,
  StripeObjectClocks,
  SubscriptionGyms,
  SubscriptionSync,
  InvoiceOutcomes,
  PlatformAdminAlerts,
  PaidInvoices,
  PaymentLookup,
  PaymentDisputes,
  PaymentRefunds,
  ChargeRefunds,
  RefundRequests,
  RefundAudit,
  RefundSettlement,
  RefundService,
  StripeEventReplay,
];
