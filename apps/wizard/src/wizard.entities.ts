import { EmailOutboxEntry } from '@app/email';
import { ActivationToken } from './activation/activation-token.entity';
import { StripeObjectClock } from './billing/stripe-object-clock.entity';
import { Gym } from './gyms/gym.entity';
import { IdentitySyncEntry } from './identity-sync/identity-sync-entry.entity';
import { License } from './licenses/license.entity';
import { Payment } from './payments/payment.entity';
import { RefundAuditEntry } from './refunds/refund-audit-entry.entity';
import { RefundRequest } from './refunds/refund-request.entity';
import { StripeEvent } from './webhooks/stripe-event.entity';

export const WIZARD_ENTITIES = [
  Gym,
  Payment,
  License,
  ActivationToken,
  StripeEvent,
  EmailOutboxEntry,
  IdentitySyncEntry,
  StripeObjectClock,
  RefundRequest,
  RefundAuditEntry,
];
